// Recording a supervision or training from a worker's card in <str-team> (issue 22). One form open at a time; what
// is typed is kept as a draft on the device (a reload or a lost signal loses nothing) until it is saved or discarded;
// the record's id is chosen when the form opens and kept with the draft, so saving twice never makes two records.
// The form as data: team-record.form.ts; drawn by team-record.render.ts.
import { formatNhsNumber, type StrClient, type TrainingItem, type WorkerSummary } from '@strkit/sdk';
import { html, nothing, type LitElement, type TemplateResult } from 'lit';
import { DraftTimer } from '../internal/draft-timer.js';
import { notSavedCase } from '../internal/error-words.js';
import {
  FRONTLINE_ROLES, PREFIX, emptyDraft, itemsFor, say, teamDraftKey, typedIn, type Form, type FormKind, type Id, type Kept, type ReallocationForm, type Refusal, type Said,
  type Worker,
} from './team-record.form.js';
import type { TeamWords } from './team.render.js';

export interface TeamRecordHost {
  readonly client: () => StrClient | undefined;
  /** The UK date the summary counts to: "today" for the form's defaults and checks. */
  readonly today: () => string | undefined;
  readonly checklist: () => readonly TrainingItem[];
  /** The team's workers, by name: those a person may be reallocated to. */
  readonly workers: () => readonly Worker[];
  /** The words, in the active locale. */
  readonly l: TeamWords;
  /** True while `client` is still the element's (same client and actor): a save for another is dropped. */
  readonly isCurrent: (client: StrClient) => boolean;
}

type FormModule = typeof import('./team-record.lazy.js');

/**
 * The forms' checks, drawing and writes, loaded when a form is first opened. `load` is the only way in, so a test can
 * make it fail; a failed load is not kept, so opening the form again fetches it anew.
 */
export const teamForms: { module?: FormModule; load: () => Promise<FormModule> } = {
  load: () => import('./team-record.lazy.js'),
};

/** A save the record refuses for a reason the form words beside a field (the person has no team; already in it). */
class Refused {
  constructor(readonly refusal: Refusal) {}
}

/** A failed save of the private notes after their supervision was stored. */
class NotesNotSaved {
  constructor(readonly cause: unknown) {}
}

/** The open form, its draft, errors and the status beside the worker's buttons. */
export class TeamRecord {
  #open?: Form;
  #errors: readonly Refusal[] = [];
  #problem?: Said;
  #saving = false;
  /** The status under a worker's buttons: `workerId` says which card. */
  #status?: { readonly workerId: string; readonly say: Said };
  /** Keys of the drafts this actor has on the device. */
  #drafts = new Set<string>();
  /** The button that opened the form: focus goes back to it. */
  #opener = '';
  /** Counts the opens: an open that waited (for the forms, the people, the draft) gives way to a later one. */
  #opens = 0;
  readonly #el: LitElement;
  readonly #h: TeamRecordHost;
  readonly #timer: DraftTimer;

  constructor(el: LitElement, host: TeamRecordHost) {
    this.#el = el;
    this.#h = host;
    this.#timer = new DraftTimer(el);
  }

  /**
   * Forgets everything: the element shows another client or actor, or has left the page. What was typed in the open
   * form is kept first as a draft of `previous` (the actor it was typed as), never shown to the next.
   */
  clear(previous?: StrClient): void {
    const o = this.#open;
    if (o && previous && typedIn(o, this.#today)) void this.#keep(previous, o);
    this.#timer.cancel();
    this.#opens++;
    this.#open = undefined;
    this.#errors = [];
    this.#problem = undefined;
    this.#status = undefined;
    this.#saving = false;
    this.#drafts = new Set();
  }

  /** Which of this actor's team drafts are on the device, so their buttons say "Continue". */
  async loadDrafts(client: StrClient): Promise<void> {
    try {
      const all = await client.drafts.list();
      if (!this.#h.isCurrent(client)) return;
      this.#drafts = new Set(all.map((d) => d.key).filter((k) => k.startsWith('team:')));
      this.#el.requestUpdate();
    } catch {
      // The buttons say "Record"; opening the form still restores a draft.
    }
  }

  get #today(): string {
    return this.#h.today() ?? '';
  }

  #items(worker: Worker): TrainingItem[] {
    return itemsFor(this.#h.checklist(), worker);
  }

  async #focus(selector: string) {
    await this.#el.updateComplete;
    this.#el.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** The selector of a worker's button: sign-in ids may hold any character a selector gives meaning to. */
  #button(form: FormKind, workerId: string): string {
    return `#${CSS.escape(`${form}-${workerId}`)}`;
  }

  #close(status?: Said): void {
    const o = this.#open;
    this.#timer.cancel();
    this.#open = undefined;
    this.#errors = [];
    this.#problem = undefined;
    this.#saving = false;
    this.#status = o && status ? { workerId: o.worker.id, say: status } : undefined;
    this.#el.requestUpdate();
  }

  /** Opens a form for the worker, with their draft if one is kept. */
  async open(form: FormKind, worker: Worker): Promise<void> {
    const client = this.#h.client();
    if (!client || this.#saving) return;
    const seq = ++this.#opens;
    const latest = () => seq === this.#opens && this.#h.isCurrent(client);
    await this.#flush();
    const forms = await this.#forms(worker);
    if (!forms || !latest()) return;
    const opened = await this.#blank(form, worker, client);
    if (!opened || !latest()) return;
    await this.#flush();
    if (!latest()) return;
    this.#close();
    this.#opener = this.#button(form, worker.id);
    this.#open = opened;
    try {
      const kept = await client.drafts.load<Kept>(teamDraftKey(form, worker.id));
      if (kept?.value && this.#open === opened && latest()) {
        Object.assign(opened, forms.keptDraft(form, kept.value));
        this.#status = { workerId: worker.id, say: (l) => l.t('draft-restored', { when: l.dateTime(Date.parse(kept.savedAt)) }) };
      }
    } catch {
      // Nothing kept, or the drafts cannot be read: the form opens empty.
    }
    if (this.#open !== opened) return;
    this.#el.requestUpdate();
    await this.#focus(`#${PREFIX}heading`);
  }

  /** A form as it opens; for a reallocation, with the worker's people, read now (undefined, said on the card, if they cannot be). */
  async #blank(form: FormKind, worker: Worker, client: StrClient): Promise<Form | undefined> {
    if (form === 'supervision') return { form, worker, draft: emptyDraft(form, this.#today), ids: { supervision: crypto.randomUUID(), note: crypto.randomUUID() } };
    if (form === 'training') return { form, worker, draft: emptyDraft(form, this.#today), ids: { training: crypto.randomUUID() } };
    this.#status = { workerId: worker.id, say: say('people-loading', { name: worker.name }) };
    this.#el.requestUpdate();
    try {
      const { people } = await client.caseload.summary({ workerId: worker.id, ...(this.#today && { today: this.#today }) });
      // The NHS number beside the name, so two people of the same name are told apart.
      const choices = people.map((p) => ({ id: p.serviceUserId, name: p.nhsNumber ? `${p.displayName} (${formatNhsNumber(p.nhsNumber)})` : p.displayName }))
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
      const to = this.#h.workers().filter((w) => w.id !== worker.id && FRONTLINE_ROLES.includes(w.role));
      return { form, worker, draft: emptyDraft(form, this.#today), ids: {}, people: choices, to };
    } catch {
      if (this.#h.isCurrent(client)) this.#status = { workerId: worker.id, say: say('people-failed') };
      this.#el.requestUpdate();
      return undefined;
    }
  }

  /** The forms' module, loading it the first time with a status on the worker's card, or why it could not load. */
  async #forms(worker: Worker): Promise<FormModule | undefined> {
    if (teamForms.module) return teamForms.module;
    this.#status = { workerId: worker.id, say: say('loading-form') };
    this.#el.requestUpdate();
    try {
      teamForms.module ??= await teamForms.load();
      return teamForms.module;
    } catch {
      this.#status = { workerId: worker.id, say: say('form-failed') };
      this.#el.requestUpdate();
      return undefined;
    }
  }

  /** Keeps what is typed now, if anything (a pending write is made at once). */
  async #flush(): Promise<void> {
    this.#timer.cancel();
    const o = this.#open;
    const client = this.#h.client();
    if (!o || !client || !typedIn(o, this.#today)) return;
    await this.#keep(client, o);
  }

  /** Keeps `o` as a draft of `client`'s actor, with the ids its records will have and a supervision already stored. */
  async #keep(client: StrClient, o: Form): Promise<void> {
    const key = teamDraftKey(o.form, o.worker.id);
    try {
      await client.drafts.save(key, { draft: o.draft, ids: o.ids, ...(o.form === 'supervision' && o.savedId && { savedId: o.savedId }) });
      if (this.#h.isCurrent(client)) this.#drafts.add(key);
    } catch {
      // Still on screen; the next keystroke tries again.
    }
  }

  #changed(): void {
    this.#el.requestUpdate();
    this.#timer.schedule(() => void this.#flush());
  }

  /** Reads every control of the form into the draft (one handler for the whole form). */
  #input(e: Event): void {
    const o = this.#open;
    const form = e.currentTarget as HTMLFormElement | null;
    if (!o || !form) return;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '');
    if (o.form === 'training') o.draft = { itemId: text('item'), completedOn: text('completed-on'), expiresOn: text('expires-on'), evidence: text('evidence') };
    else if (o.form === 'reallocation') o.draft = { personId: text('person'), toWorkerId: text('to-worker'), from: text('from'), reason: text('reason') };
    // Once the supervision is stored its fields are locked (so not in the form's data): only the notes are left.
    else if (o.savedId) o.draft = { ...o.draft, notes: text('notes') };
    else {
      o.draft = {
        heldOn: text('held-on'), kind: text('kind'), nextDueOn: text('next-due-on'), notes: text('notes'),
        actions: o.draft.actions.map((_, i) => ({ text: text(`action-${i}-text`), owner: text(`action-${i}-owner`) || 'worker', dueOn: text(`action-${i}-due`) })),
      };
    }
    this.#changed();
  }

  #addAction(): void {
    const o = this.#open;
    if (o?.form !== 'supervision') return;
    o.draft = { ...o.draft, actions: [...o.draft.actions, { text: '', owner: 'worker', dueOn: '' }] };
    this.#changed();
    void this.#focus(`#${PREFIX}action-${o.draft.actions.length - 1}-text`);
  }

  #removeAction(i: number): void {
    const o = this.#open;
    if (o?.form !== 'supervision') return;
    o.draft = { ...o.draft, actions: o.draft.actions.filter((_, k) => k !== i) };
    this.#errors = [];
    this.#changed();
    void this.#focus(o.draft.actions.length ? `#${PREFIX}action-${Math.min(i, o.draft.actions.length - 1)}-text` : `#${PREFIX}add-action`);
  }

  /** Closes the form; what was typed stays as a draft, and it says so. */
  async cancel(): Promise<void> {
    const o = this.#open;
    if (!o) return;
    const typed = typedIn(o, this.#today);
    await this.#flush();
    this.#close(typed ? say('draft-kept') : undefined);
    await this.#focus(this.#opener);
  }

  async #discard(): Promise<void> {
    const o = this.#open;
    const client = this.#h.client();
    if (!o || !client) return;
    this.#timer.cancel();
    const key = teamDraftKey(o.form, o.worker.id);
    await client.drafts.discard(key).catch(() => undefined);
    this.#drafts.delete(key);
    this.#close(say('draft-discarded'));
    await this.#focus(this.#opener);
  }

  async #save(e: Event): Promise<void> {
    e.preventDefault();
    const o = this.#open;
    const client = this.#h.client();
    if (!o || !client || this.#saving) return;
    const forms = teamForms.module!;
    const today = this.#today || '9999-12-31';
    this.#errors = o.form === 'supervision' ? forms.supervisionRefusals(o, today, client.actor.id)
      : o.form === 'training' ? forms.trainingRefusals(o, today, this.#items(o.worker)) : forms.reallocationRefusals(o, today);
    this.#problem = undefined;
    if (this.#errors.length) {
      this.#el.requestUpdate();
      return this.#focus('.error-summary');
    }
    this.#saving = true;
    this.#el.requestUpdate();
    await this.#flush();
    try {
      await this.#store(forms, client, o);
    } catch (err) {
      if (!this.#h.isCurrent(client) || this.#open !== o) return;
      this.#saving = false;
      if (err instanceof Refused) {
        this.#errors = [err.refusal];
        this.#el.requestUpdate();
        return this.#focus('.error-summary');
      }
      const notes = err instanceof NotesNotSaved;
      const why = notSavedCase(notes ? err.cause : err);
      const failed: Said = (l) => l.t(`save-failed.${why.case}`, { issue: why.issue ? forms.issueSaid(why.issue)(l) : l.t('not-valid') });
      this.#problem = notes ? (l) => `${l.t('notes-not-saved')} ${failed(l)}` : failed;
      this.#el.requestUpdate();
      return this.#focus(`#${PREFIX}problem`);
    }
    // Saved: its draft goes, whatever is on screen now.
    const key = teamDraftKey(o.form, o.worker.id);
    if (this.#open === o) this.#timer.cancel();
    await client.drafts.discard(key).catch(() => undefined);
    if (!this.#h.isCurrent(client)) return;
    this.#drafts.delete(key);
    if (this.#open !== o) return this.#el.requestUpdate();
    this.#close(savedSaid(o));
    await this.#focus(this.#opener);
  }

  /** Writes the form's records as the client's actor: a supervision and then its notes (kept apart, ADR 0025), or training. */
  async #store(forms: FormModule, client: StrClient, o: Form): Promise<void> {
    if (o.form === 'reallocation') return reallocate(forms, client, o);
    const staff = forms.teamClient(client);
    if (o.form === 'training') {
      await staff.training.create(forms.trainingInput(o, this.#items(o.worker))!);
      return;
    }
    o.savedId ??= (await staff.supervisions.create(forms.supervisionInput(o, client.actor.id))).id;
    if (!o.draft.notes.trim()) return;
    try {
      await staff.supervisionNotes.create({ id: o.ids.note, supervisionId: o.savedId, text: o.draft.notes });
    } catch (err) {
      await this.#keep(client, o);
      throw new NotesNotSaved(err);
    }
  }

  /** The worker's buttons, their status, and the form when it is open for them; nothing for those who may not record. */
  render(w: WorkerSummary): TemplateResult | typeof nothing {
    const l = this.#h.l;
    const client = this.#h.client();
    const worker = w.worker;
    const maySupervise = !!client?.can('supervision.record');
    const mayTrain = !!client?.can('training.record') && this.#items(worker).length > 0;
    const mayMove = !!client?.can('caseload.manage') && w.caseload > 0 && this.#h.workers().some((x) => x.id !== worker.id && FRONTLINE_ROLES.includes(x.role));
    if (!maySupervise && !mayTrain && !mayMove) return nothing;
    const o = this.#open?.worker.id === worker.id ? this.#open : undefined;
    const button = (form: FormKind) => {
      const open = o?.form === form;
      const id = `${this.#drafts.has(teamDraftKey(form, worker.id)) ? 'continue' : 'record'}-${form}` as Id;
      return html`<button type="button" class="secondary" id="${form}-${worker.id}" aria-describedby="worker-${worker.id}" aria-expanded=${open ? 'true' : 'false'}
        ?disabled=${this.#saving} @click=${() => void (open ? this.cancel() : this.open(form, worker))}>${l.t(id)}</button>`;
    };
    return html`<div class="record">
      <div class="actions">${maySupervise ? button('supervision') : nothing}${mayTrain ? button('training') : nothing}${mayMove ? button('reallocation') : nothing}</div>
      <p class="status" role="status">${this.#status?.workerId === worker.id ? this.#status.say(l) : ''}</p>
      ${o ? this.#form(o) : nothing}
    </div>`;
  }

  #form(o: Form): TemplateResult {
    return teamForms.module!.renderForm({
      l: this.#h.l, open: o, errors: this.#errors, saving: this.#saving, items: this.#items(o.worker),
      hasDraft: this.#drafts.has(teamDraftKey(o.form, o.worker.id)),
      ...(this.#problem && { problem: this.#problem }),
      on: this.#on,
    });
  }

  /** Made once, so the form's listeners stay the same between renders. */
  readonly #on = {
    input: (e: Event) => this.#input(e),
    save: (e: Event) => void this.#save(e),
    cancel: () => void this.cancel(),
    discard: () => void this.#discard(),
    addAction: () => this.#addAction(),
    removeAction: (i: number) => this.#removeAction(i),
  };
}

/** What the card says once a form is saved. */
function savedSaid(o: Form): Said {
  if (o.form === 'reallocation') {
    const person = o.people.find((p) => p.id === o.draft.personId)?.name ?? '';
    const to = o.to.find((w) => w.id === o.draft.toWorkerId)?.name ?? '';
    return say('reallocated', { person, to });
  }
  return say(o.form === 'supervision' ? 'supervision-saved' : 'training-saved', { name: o.worker.name });
}

/** Moves the person: their active care team, with the worker's place taken by the one chosen and the reason kept (ADR 0026). */
async function reallocate(forms: FormModule, client: StrClient, o: ReallocationForm): Promise<void> {
  const team = await client.careTeams.current(o.draft.personId);
  if (!team) throw new Refused({ field: 'person', say: say('err.no-team') });
  const next = forms.reallocated(team, o);
  const to = o.to.find((w) => w.id === o.draft.toWorkerId)!;
  if ('refused' in next) {
    throw new Refused(next.refused === 'already'
      ? { field: 'to-worker', say: say('err.already', { name: to.name }) }
      : { field: 'person', say: say('err.not-theirs', { name: o.worker.name }) });
  }
  await client.careTeams.update(team.id, { participants: next.participants, changeReason: o.draft.reason.trim() }, team.version);
}
