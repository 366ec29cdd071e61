// The contact log's form, without rendering: what is typed, the quick choices, and the checks that turn it into a
// contact (NHS-style messages, one per field). Pure functions of their arguments; the controller owns the state.
import {
  type AttendStatus, type Contact, type ContactInput, type OtherPresentKind, type Task,
  inputIssues, londonDate, londonDateToEpoch, londonTime, resolveLondonLocal, textMatches, toLondonIso,
} from '@strkit/sdk';
import { durationWords, issueSaid, say, type Said } from './contact-log.words.js';

/** The form as typed: strings, so nothing the worker typed is lost or reformatted before they save. */
export interface ContactLogFormValue {
  date: string;
  time: string;
  duration: string;
  mechanism: string;
  location: string;
  attendance: string;
  planned: boolean;
  /** Who else was there (MHSDS OtherPersonInAttend is unverified, so STR Kit's own list). */
  others: OtherPresentKind[];
  /** A free-text role for "other professional" and "someone else". */
  otherRoles: Partial<Record<OtherPresentKind, string>>;
  interpreterLanguage: string;
  /** Care-plan tasks worked on in this contact. */
  taskIds: string[];
  note: string;
  /** On the night the clocks go back, which of the two times the typed one is ('' until the worker chooses). */
  repeatedHour?: '' | 'first' | 'second';
}

/** History filters as typed. Dates are UK calendar dates; `to` is inclusive. */
export interface ContactLogFilters {
  from: string;
  to: string;
  mechanism: string;
  attendance: string;
  search: string;
}

export const NO_FILTERS: ContactLogFilters = { from: '', to: '', mechanism: '', attendance: '', search: '' };

export interface FieldError {
  readonly field: keyof ContactLogFormValue;
  /** Said when drawn, in the active locale (contact-log.words.ts). */
  readonly message: Said;
}

/** The contact the form describes, with the id that makes a retried save idempotent. */
export type ContactDraft = ContactInput & { id: string };

export const ROLE_KINDS: readonly OtherPresentKind[] = ['other-professional', 'other'];
// The most used first (issue 5): face to face, telephone, video; patient's home, community, ward.
export const QUICK_MECHANISMS = ['01', '02', '11'] as const;
export const QUICK_LOCATIONS = ['A01', 'N02', 'E02'] as const;
export const QUICK_DURATIONS = ['15', '30', '45', '60'];
/** Longer than this, the worker confirms the duration in words: a slip of the keyboard (125 typed as 1125) is caught. */
export const CONFIRM_ABOVE_MINUTES = 240;
export const OTHER = 'other';
export const FIELD_IDS: Record<keyof ContactLogFormValue, string> = {
  date: 'date', time: 'time', duration: 'duration-custom', mechanism: 'mechanism-01', location: 'location-A01',
  attendance: 'attendance', planned: 'planned', others: 'other-carer', otherRoles: 'other-carer', interpreterLanguage: 'interpreter-language', taskIds: 'tasks', note: 'note',
  repeatedHour: 'repeated-first',
};

/** "18 hours 45 minutes", "1 hour", "1 minute": the en-GB wording, as tests compute it (the widget says it with `durationWords`). */
export const minutesInWords = (m: number): string => {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const h = Math.floor(m / 60);
  return [h ? unit(h, 'hour') : '', m % 60 || !h ? unit(m % 60, 'minute') : ''].filter(Boolean).join(' ');
};

/** Which of a repeated UK time an instant is ('' when its time happens once): so a time read back keeps its instant. */
export const repeatedHourOf = (epoch: number): '' | 'first' | 'second' => {
  const [y, m, d] = londonDate(epoch).split('-').map(Number) as [number, number, number];
  const [h, min] = londonTime(epoch).split(':').map(Number) as [number, number];
  const r = resolveLondonLocal(y, m, d, h, min);
  return r.kind === 'repeated' ? (r.second === epoch - (epoch % 60_000) ? 'second' : 'first') : '';
};

/** The typed date and time as UK local time (docs/adr/0006-uk-local-time.md), or undefined if either is incomplete. */
export const typedLocal = (date: string, time: string) => {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dm || !tm || londonDateToEpoch(date) === undefined) return undefined;
  return resolveLondonLocal(Number(dm[1]), Number(dm[2]), Number(dm[3]), Number(tm[1]), Number(tm[2]));
};

/** A new form, dated now. */
export function blankForm(now: Date): ContactLogFormValue {
  return {
    date: londonDate(now.getTime()), time: londonTime(now.getTime()), duration: '', mechanism: '', location: '', attendance: '5', planned: true,
    others: [], otherRoles: {}, interpreterLanguage: '', taskIds: [], note: '',
    // At 01:30 GMT on the night the clocks go back, "01:30" alone would read as the earlier, BST one.
    repeatedHour: repeatedHourOf(now.getTime()),
  };
}

/** The form filled from a stored contact, to correct it. */
export function formOf(c: Contact): ContactLogFormValue {
  const t = Date.parse(c.start);
  return {
    date: londonDate(t), time: londonTime(t), duration: String(c.durationMinutes), mechanism: c.mechanism,
    location: c.locationType, attendance: c.attendance, planned: c.planned, note: c.note,
    others: c.othersPresent.map((o) => o.kind),
    otherRoles: Object.fromEntries(c.othersPresent.filter((o) => o.role).map((o) => [o.kind, o.role!])),
    interpreterLanguage: c.interpreterLanguage ?? '',
    taskIds: [...c.taskIds],
    repeatedHour: repeatedHourOf(t),
  };
}

/** Nothing typed yet (date and time start as now, so they do not count). */
export const untouched = (v: ContactLogFormValue): boolean =>
  !v.duration && !v.mechanism && !v.location && !v.note && v.attendance === '5' && v.planned && v.others.length === 0 && !v.interpreterLanguage;

/** The form field an SDK issue path is about. */
export function fieldOf(path: string): keyof ContactLogFormValue {
  const map: Record<string, keyof ContactLogFormValue> = {
    start: 'date', durationMinutes: 'duration', mechanism: 'mechanism', locationType: 'location', attendance: 'attendance', planned: 'planned',
    othersPresent: 'others', interpreterLanguage: 'interpreterLanguage', note: 'note',
  };
  return map[path.split('.')[0] ?? ''] ?? 'date';
}

/** Whether a contact passes the history filters. */
export function matchesFilters(c: Contact, f: ContactLogFilters): boolean {
  if (f === NO_FILTERS) return true;
  const day = londonDate(Date.parse(c.start));
  if (f.from && day < f.from) return false;
  if (f.to && day > f.to) return false;
  if (f.mechanism && c.mechanism !== f.mechanism) return false;
  if (f.attendance && c.attendance !== f.attendance) return false;
  return textMatches(c.note, f.search);
}

/** The date and time as an instant, or why not (the clock changes answered, never guessed). */
function checkWhen(v: ContactLogFormValue, now: number): { errors: FieldError[]; epoch?: number } {
  const dated = /^(\d{4})-(\d{2})-(\d{2})$/.test(v.date);
  const timed = /^(\d{2}):(\d{2})$/.test(v.time);
  const errors: FieldError[] = [];
  if (!dated) errors.push({ field: 'date', message: say('err.date') });
  if (!timed) errors.push({ field: 'time', message: say('err.time') });
  if (!dated || !timed) return { errors };
  const local = typedLocal(v.date, v.time);
  if (!local) return { errors: [{ field: 'date', message: say('err.real-date') }] };
  if (local.kind === 'missing') {
    return { errors: [{ field: 'time', message: (l) => l.t('err.no-such-time', { time: v.time, date: l.date(v.date) }) }] };
  }
  if (local.kind === 'repeated' && !v.repeatedHour) {
    return { errors: [{ field: 'repeatedHour', message: say('err.which-time', { time: v.time }) }] };
  }
  const epoch = local.kind === 'exact' ? local.epoch : v.repeatedHour === 'second' ? local.second : local.first;
  return epoch > now ? { errors: [{ field: 'date', message: say('err.future') }] } : { errors, epoch };
}

function checkDuration(typed: string, confirmed: string): FieldError[] {
  const minutes = Number(typed);
  if (typed.trim() === '') return [{ field: 'duration', message: say('err.duration') }];
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) return [{ field: 'duration', message: say('err.duration-range', { min: 1, max: 1440 }) }];
  if (minutes > CONFIRM_ABOVE_MINUTES && confirmed !== typed) {
    return [{ field: 'duration', message: (l) => l.t('err.duration-confirm', { duration: durationWords(l, minutes) }) }];
  }
  return [];
}

function checkChoicesAndLimits(v: ContactLogFormValue): FieldError[] {
  const errors: FieldError[] = [];
  if (!v.mechanism || v.mechanism === OTHER) errors.push({ field: 'mechanism', message: say('err.mechanism') });
  if (!v.location || v.location === OTHER) errors.push({ field: 'location', message: say('err.location') });
  if (!v.attendance) errors.push({ field: 'attendance', message: say('err.attendance') });
  // Limits are checked here, never by maxlength: a paste over the limit is kept whole and refused with the limit.
  if (v.note.length > 10_000) errors.push({ field: 'note', message: say('err.note-max', { max: 10_000 }) });
  if (ROLE_KINDS.some((k) => v.others.includes(k) && (v.otherRoles[k] ?? '').trim().length > 100)) errors.push({ field: 'others', message: say('err.role-max', { max: 100 }) });
  if (v.others.includes('interpreter') && v.interpreterLanguage.trim().length > 100) errors.push({ field: 'interpreterLanguage', message: say('err.language-max', { max: 100 }) });
  return errors;
}

/** What the checks need besides the form. */
export interface ValidateContext {
  readonly now: number;
  /** The duration, as typed, that the worker confirmed (only asked above CONFIRM_ABOVE_MINUTES). */
  readonly confirmedDuration: string;
  readonly pendingId: string;
  readonly serviceUserId: string;
  /** The tasks that may be linked (a task id not among them is dropped from the contact, never sent). */
  readonly tasks: readonly Task[];
}

function buildInput(v: ContactLogFormValue, epoch: number, ctx: ValidateContext): ContactDraft {
  return {
    id: ctx.pendingId,
    serviceUserId: ctx.serviceUserId,
    start: toLondonIso(epoch),
    durationMinutes: Number(v.duration),
    mechanism: v.mechanism as ContactInput['mechanism'],
    locationType: v.location as ContactInput['locationType'],
    attendance: v.attendance as AttendStatus,
    planned: v.planned,
    othersPresent: v.others.map((kind) => {
      const role = ROLE_KINDS.includes(kind) ? (v.otherRoles[kind] ?? '').trim() : '';
      return role ? { kind, role } : { kind };
    }),
    ...(v.others.includes('interpreter') && v.interpreterLanguage.trim() && { interpreterLanguage: v.interpreterLanguage.trim() }),
    taskIds: (v.taskIds ?? []).filter((id) => ctx.tasks.some((t) => t.id === id)),
    note: v.note,
  };
}

/** Checks the form as typed and builds the contact; errors are in NHS style, one per field. */
export function validateForm(v: ContactLogFormValue, ctx: ValidateContext): { errors: FieldError[]; input?: ContactDraft } {
  const when = checkWhen(v, ctx.now);
  const errors = [...when.errors, ...checkDuration(v.duration, ctx.confirmedDuration), ...checkChoicesAndLimits(v)];
  if (errors.length || when.epoch === undefined) return { errors };
  const input = buildInput(v, when.epoch, ctx);
  // Last, the SDK's own rules, as every widget checks (control characters, limits): in controlled mode the host is
  // never handed a contact the client would refuse. One message per field, beside it.
  const seen = new Set<keyof ContactLogFormValue>();
  for (const issue of inputIssues('contact', input)) {
    const field = fieldOf(issue.path);
    if (!seen.has(field)) errors.push({ field, message: issueSaid(issue) });
    seen.add(field);
  }
  return errors.length ? { errors } : { errors, input };
}
