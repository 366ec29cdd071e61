// `inputIssues` without zod (docs/adr/0015-zod-free-input-check.md): the input schemas of inputs.ts restated with the
// zod-free checker, so a widget that checks a form before sending it does not carry zod. The client still parses
// every write with the zod schemas; input-check.test.ts proves both give the same issues, message for message.
import type { FieldIssue } from '../errors.js';
import { ACTIVITY_LOCATION_TYPES, ATTEND_STATUSES, CONSULTATION_MECHANISMS } from '../codes/mhsds.js';
import { isUkLocalIso } from '../domain/time.js';
import {
  array, boolean, discriminatedUnion, fieldIssuesOf, gte, int, lte, maxLength, minLength, nullable, number, object, oneOf,
  optional, record, refine, string, stringFormat, trim, union, variant, type Check, type Checker,
} from './check-engine.js';
import { CARE_PLAN_STATUSES, CONTACT_FREQUENCIES, GOAL_STATUSES, GOAL_TEXT_MAX, LIFE_AREAS, PROGRESS_NOTE_MAX, TASK_REPEATS, TASK_TEXT_MAX } from './care-plan.js';
import { CONTACT_NOTE_MAX, OTHER_PRESENT_KINDS, UK_START_MESSAGE } from './contact.js';
import type { InputKind } from './inputs.js';
import { ROLES } from './people.js';
import { CHANGE_REASON_MAX } from './team.js';
import { ALERT_NOTE_MAX, ALERT_REASON_MAX, MAX_SIGNS, NOT_ASKED, RESPONSE_TEXT_MAX, SIGN_TEXT_MAX } from './relapse.js';
import { TEXT_WORDS, hasNoControl, hasVisibleText, isOneLine, isWellFormed } from './text-rules.js';

// zod's own patterns for z.uuid(), z.iso.date() and z.iso.datetime({ offset: true }) (zod 4.6, v4/core/regexes.js);
// the test compares their sources with zod's.
const DATE = '(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))';
export const UUID_PATTERN = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
export const DATE_PATTERN = new RegExp(`^${DATE}$`);
export const DATE_TIME_PATTERN = new RegExp(`^${DATE}T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$`);

// text.ts, restated.
/** `more`: checks a schema adds after the text rules (`singleLine(…).check(…)` in zod). */
export const singleLine = (max: number, blank = 'Enter a value', ...more: Check[]) =>
  string(blank, trim(), minLength(1, blank), refine<string>((s) => s.length === 0 || hasVisibleText(s), blank), maxLength(max, TEXT_WORDS.singleLineMax(max)), refine(isOneLine, TEXT_WORDS.oneLine), refine(hasNoControl, TEXT_WORDS.control), refine(isWellFormed, TEXT_WORDS.broken), ...more);
export const noteText = (max: number, required = false, blank = 'Enter some text') =>
  string(TEXT_WORDS.noteType, ...(required ? [refine(hasVisibleText, blank)] : []), maxLength(max, TEXT_WORDS.noteMax(max)), refine(hasNoControl, TEXT_WORDS.control), refine(isWellFormed, TEXT_WORDS.broken));
export const externalId = singleLine(128, TEXT_WORDS.id);
export const uuid = stringFormat(UUID_PATTERN, 'uuid', TEXT_WORDS.uuid);
export const isoDate = stringFormat(DATE_PATTERN, 'date', TEXT_WORDS.date);
const isoDateTime = stringFormat(DATE_TIME_PATTERN, 'datetime', TEXT_WORDS.dateTime);
const codes = (list: readonly { readonly code: unknown }[]) => list.map((c) => c.code);
const maybe = (c: Checker) => optional(nullable(c));

// contact.ts
const durationMinutes = int('Enter the duration in whole minutes', gte(1, 'Duration must be at least 1 minute'), lte(1440, 'Duration must be 1,440 minutes (24 hours) or less'));
const mechanism = oneOf(codes(CONSULTATION_MECHANISMS), 'Choose how the contact took place');
const locationType = oneOf(codes(ACTIVITY_LOCATION_TYPES), 'Choose where the contact took place');
const attendance = oneOf(codes(ATTEND_STATUSES), 'Choose whether the person attended');
const planned = boolean('Say whether the contact was planned');
const othersPresent = array(object({ kind: oneOf(OTHER_PRESENT_KINDS, 'Choose who else was there'), role: optional(singleLine(100, 'Enter their role')) }), maxLength(20, 'List 20 people or fewer'));
const language = singleLine(100, 'Enter the language');
const taskIds = array(uuid, maxLength(50, 'Link 50 tasks or fewer'));
const contactNote = noteText(CONTACT_NOTE_MAX);
const ukStart = stringFormat(DATE_TIME_PATTERN, 'datetime', TEXT_WORDS.dateTime, refine(isUkLocalIso, UK_START_MESSAGE));

// care-plan.ts
const agreedWith = array(object({ kind: oneOf(['service-user', 'carer'], 'Choose the person or a carer'), name: optional(singleLine(200, 'Enter their name')) }), maxLength(10, 'List 10 people or fewer'));
const planStatus = oneOf(codes(CARE_PLAN_STATUSES), 'Choose the plan status');
const goalText = noteText(GOAL_TEXT_MAX, true, 'Enter the goal in the person’s own words');
const lifeArea = oneOf(codes(LIFE_AREAS), 'Choose the area of life this goal is about');
const goalStatus = oneOf(codes(GOAL_STATUSES), 'Choose the goal status');
const owner = discriminatedUnion('kind', [
  variant({ kind: oneOf(['worker']), workerId: externalId }),
  variant({ kind: oneOf(['service-user']) }),
  variant({ kind: oneOf(['carer']), name: optional(singleLine(200, 'Enter the carer’s name')) }),
  variant({ kind: oneOf(['other-service']), name: singleLine(200, 'Enter the name of the service') }),
], 'Choose who does this task');
const taskText = singleLine(TASK_TEXT_MAX, 'Enter what needs doing');
const repeat = oneOf(codes(TASK_REPEATS), 'Choose how often it repeats');
const contactFrequency = object({
  every: oneOf(codes(CONTACT_FREQUENCIES), 'Choose how often to see the person: twice a week, weekly, every 2 weeks, every 4 weeks or monthly'),
  from: isoDate,
  agreedBy: optional(externalId),
}, true);

// relapse.ts
const sign = object({
  id: uuid,
  text: noteText(SIGN_TEXT_MAX, true, 'Enter the sign in the person’s own words'),
  stage: oneOf(['early', 'middle', 'late'], 'Choose early, middle or late'),
  response: noteText(RESPONSE_TEXT_MAX, true, 'Enter the agreed response'),
});
const signs = array(sign, maxLength(MAX_SIGNS, `A plan can hold ${MAX_SIGNS} signs or fewer`), refine((list: { id: unknown }[]) => new Set(list.map((s) => s.id)).size === list.length, 'Each sign needs its own id'));
const contacts = array(object({ who: singleLine(200, 'Enter who to contact'), how: noteText(500, true, 'Enter how to contact them') }), maxLength(20, 'List 20 contacts or fewer'));
const between = (min: number, max: number) => int(undefined, gte(min), lte(max));
const rule = object({ lateSignAtLeast: between(1, 3), risePercent: between(1, 1000), risePoints: between(1, 1000), repeatRating: between(1, 3), repeatChecks: between(2, 10) });
const baseline = optional(object({
  total: number(undefined, gte(0), lte(3 * MAX_SIGNS)),
  fromCheckIds: array(uuid, maxLength(20)),
  signIds: optional(array(uuid, maxLength(MAX_SIGNS))),
}));
const rating = union([0, 1, 2, 3, NOT_ASKED].map((v) => oneOf([v])), 'Rate the sign 0 to 3, or choose “Not asked”');
const functioning = object({
  level: oneOf(['usual', 'more', 'less', 'much-less'], 'Choose usual, more, less or much less'),
  note: optional(noteText(500, true, 'Enter the note, or leave it out')),
});
const alertNote = noteText(ALERT_NOTE_MAX);

// team.ts
const participants = array(object({ workerId: externalId, role: oneOf(ROLES, 'Choose a role'), from: optional(isoDate) }), maxLength(30, 'List 30 people or fewer'));
const teamName = singleLine(200, 'Enter the team’s name');
const teamStatus = oneOf(['active', 'inactive'], 'Choose active or inactive');
const changeReason = singleLine(CHANGE_REASON_MAX, 'Enter why the care team is changing');

const o = optional;
export const strict = (shape: Record<string, Checker>) => object(shape, true);
const CHECKERS: Readonly<Record<InputKind, Checker>> = {
  contact: strict({ serviceUserId: uuid, workerId: o(externalId), start: ukStart, durationMinutes, mechanism, locationType, attendance, planned: o(planned), othersPresent: o(othersPresent), interpreterLanguage: o(language), taskIds: o(taskIds), note: o(contactNote), id: o(uuid) }),
  contactUpdate: strict({ workerId: o(externalId), start: o(ukStart), durationMinutes: o(durationMinutes), mechanism: o(mechanism), locationType: o(locationType), attendance: o(attendance), planned: o(planned), othersPresent: o(othersPresent), interpreterLanguage: maybe(language), taskIds: o(taskIds), note: o(contactNote) }),
  carePlan: strict({ id: o(uuid), serviceUserId: uuid, coordinatorId: o(externalId), agreedWith: o(agreedWith), agreedOn: o(isoDate), nextReviewOn: o(isoDate), status: o(planStatus), contactFrequency: o(contactFrequency) }),
  carePlanUpdate: strict({ coordinatorId: o(externalId), agreedWith: o(agreedWith), agreedOn: maybe(isoDate), nextReviewOn: maybe(isoDate), status: o(planStatus), contactFrequency: maybe(contactFrequency) }),
  goal: strict({ id: o(uuid), carePlanId: uuid, text: goalText, lifeArea, targetDate: o(isoDate), status: o(goalStatus) }),
  goalUpdate: strict({ text: o(goalText), lifeArea: o(lifeArea), targetDate: maybe(isoDate), status: o(goalStatus) }),
  task: strict({ id: o(uuid), carePlanId: uuid, goalId: uuid, text: taskText, owner, dueDate: o(isoDate), repeat: o(repeat) }),
  taskUpdate: strict({ goalId: o(uuid), text: o(taskText), owner: o(owner), dueDate: maybe(isoDate), repeat: maybe(repeat) }),
  progressNote: strict({ id: o(uuid), about: object({ kind: oneOf(['task', 'goal'], 'Choose a task or goal'), id: uuid }), text: noteText(PROGRESS_NOTE_MAX, true, 'Enter the progress note') }),
  warningSignPlan: strict({ id: o(uuid), serviceUserId: uuid, coordinatorId: o(externalId), signs, contacts: o(contacts), rule: o(rule), agreedBaseline: baseline, agreedOn: o(isoDate), reviewOn: o(isoDate) }),
  warningSignPlanUpdate: strict({ coordinatorId: o(externalId), signs: o(signs), contacts: o(contacts), rule: o(rule), agreedBaseline: o(nullable(baseline)), agreedOn: maybe(isoDate), reviewOn: maybe(isoDate) }),
  signCheck: strict({
    id: o(uuid), planId: uuid, at: o(isoDateTime), ratings: record(uuid, rating),
    functioning: o(record(oneOf(['sleep', 'eating', 'self-care', 'social-contact', 'activity']), functioning)),
    observations: o(noteText(5000)), personsView: o(noteText(5000)), markedWell: o(boolean()),
  }),
  alert: strict({ id: o(uuid), checkId: uuid, reason: o(noteText(ALERT_REASON_MAX, true, 'Enter why the alert was raised')), note: o(alertNote) }),
  careTeam: strict({ id: o(uuid), serviceUserId: uuid, name: teamName, status: o(teamStatus), participants, changeReason: o(changeReason) }),
  careTeamUpdate: strict({ name: o(teamName), status: o(teamStatus), participants: o(participants), changeReason: o(changeReason) }),
};

/**
 * The problems with an input, as field issues with messages a person can act on; empty when it is valid. The same
 * issues the client's zod schemas find (input-check.test.ts), without loading zod.
 */
export function inputIssues(kind: InputKind, value: unknown): FieldIssue[] {
  return issuesBy(CHECKERS, kind, value);
}

/** The issues `checkers[kind]` finds in `value`; never throws. Shared with the staff inputs' check (input-check-staff.ts). */
export function issuesBy<K extends string>(checkers: Readonly<Record<K, Checker>>, kind: K, value: unknown): FieldIssue[] {
  try {
    if (typeof kind !== 'string' || !Object.prototype.hasOwnProperty.call(checkers, kind)) return [{ path: '', code: 'invalid', message: 'Unknown input kind' }];
    const p = { value, issues: [] };
    checkers[kind].run(p);
    return fieldIssuesOf(p.issues);
  } catch {
    return [{ path: '', code: 'unreadable', message: 'This value could not be read' }];
  }
}
