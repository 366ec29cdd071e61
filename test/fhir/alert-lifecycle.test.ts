// An alert on a real FHIR engine (issue 13): its Task always has an owner worked out when it was raised (co-ordinator,
// else care team, else the configured team lead); with none, the Flag is still written, the Task waits for an owner
// and <str-relapse-signs> says loudly that nobody will receive it, with the crisis contacts.
import { expect, fixture, html } from '@open-wc/testing';
import { createClient, fhirStore, type Store, type StrClient, type WarningSignPlan } from '@strkit/sdk';
import '../../packages/components/src/define/str-relapse-signs.js';
import type { StrRelapseSigns } from '../../packages/components/src/relapse-signs/relapse-signs.js';
import { FIXTURE_NOW, FIXTURE_PERSON_ID, FIXTURE_WORKER, settledChecks, signPlan } from '../../packages/components/src/relapse-signs/relapse-signs.fixtures.js';
import { expectNoAxeViolations } from '../a11y/axe.js';
import { $ as $in, until as untilIn } from '../helpers/dom.js';
import { validServiceUser } from '../helpers/fixtures.js';
import { fhir, fhirBaseUrl, resetEngine } from './engine.js';

const clock = { now: () => new Date(FIXTURE_NOW) };

async function engine(careCoordinatorId?: string): Promise<{ store: Store; plan: WarningSignPlan }> {
  await resetEngine();
  const store = fhirStore({ baseUrl: await fhirBaseUrl() });
  await store.put('serviceUser', validServiceUser({ id: FIXTURE_PERSON_ID, ...(careCoordinatorId && { careCoordinatorId }) }));
  const plan = await store.put('warningSignPlan', signPlan());
  for (const c of settledChecks(plan)) await store.put('signCheck', { ...c, planVersion: plan.version });
  return { store, plan };
}

/** A check that fires (a late sign rated 2), then an alert about it. */
async function raise(client: StrClient, plan: WarningSignPlan) {
  const late = plan.signs.find((s) => s.stage === 'late')!;
  const check = await client.signChecks.create({ planId: plan.id, ratings: Object.fromEntries(plan.signs.map((s) => [s.id, s.id === late.id ? 2 : 0])) });
  return client.alerts.create({ checkId: check.id, reason: `Late sign “${late.text}” rated quite a lot (2 of 3)` });
}

async function taskOf(alertId: string) {
  const { body } = await fhir('GET', `Task?identifier=urn:strkit:companion-id|${alertId}`);
  const tasks = ((body?.entry as { resource: Record<string, unknown> }[] | undefined) ?? []).map((e) => e.resource);
  expect(tasks).to.have.length(1);
  return tasks[0]!;
}

describe('Alert owner on the engine: the Task always lands on a worklist, or the worker is told', () => {
  it('no co-ordinator: the person’s care team owns the Task', async () => {
    const { store, plan } = await engine();
    const lead = createClient({ store, actor: { id: 'lead-1', role: 'team-lead' }, clock });
    const team = await lead.careTeams.create({ serviceUserId: FIXTURE_PERSON_ID, name: 'North CMHT', participants: [{ workerId: FIXTURE_WORKER, role: 'str-worker' }] });
    const alert = await raise(createClient({ store, actor: { id: FIXTURE_WORKER, role: 'str-worker' }, clock, teamLeadId: 'lead-1' }), plan);
    expect(alert.owner).to.deep.equal({ kind: 'care-team', id: team.id });
    const task = await taskOf(alert.id);
    expect(task.owner).to.deep.include({ type: 'CareTeam', identifier: { system: 'urn:strkit:id', value: team.id } });
    expect(task.status).to.equal('requested');
  });

  it('no co-ordinator and no care team: the team lead configured on the client owns it', async () => {
    const { store, plan } = await engine();
    const alert = await raise(createClient({ store, actor: { id: FIXTURE_WORKER, role: 'str-worker' }, clock, teamLeadId: 'lead-1' }), plan);
    expect(alert.owner).to.deep.equal({ kind: 'team-lead', id: 'lead-1' });
    expect((await taskOf(alert.id)).owner).to.deep.include({ identifier: { system: 'urn:strkit:worker-id', value: 'lead-1' } });
  });

  it('the co-ordinator comes first, even when a care team and a team lead exist', async () => {
    const { store, plan } = await engine('cc-1');
    await createClient({ store, actor: { id: 'lead-1', role: 'team-lead' }, clock }).careTeams.create({ serviceUserId: FIXTURE_PERSON_ID, name: 'North CMHT', participants: [] });
    const alert = await raise(createClient({ store, actor: { id: FIXTURE_WORKER, role: 'str-worker' }, clock, teamLeadId: 'lead-1' }), plan);
    expect(alert.owner).to.deep.equal({ kind: 'care-coordinator', id: 'cc-1' });
    expect((await taskOf(alert.id)).owner).to.deep.include({ identifier: { system: 'urn:strkit:worker-id', value: 'cc-1' } });
  });

  it('nobody at all: the Flag is written, the Task waits for an owner, and <str-relapse-signs> says nobody will receive it, with the crisis contacts', async () => {
    const { store, plan } = await engine();
    const client = createClient({ store, actor: { id: FIXTURE_WORKER, role: 'str-worker' }, clock });
    const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs service-user-id=${FIXTURE_PERSON_ID} .client=${client} .clock=${clock}></str-relapse-signs>`);
    await el.whenLoaded();
    const $ = <E extends Element = HTMLElement>(sel: string) => $in<E>(el, sel);
    // A round trip to the engine: more frames than a memory store needs.
    const until = (ok: () => boolean, what: string) => untilIn(el, ok, what, 600);
    $<HTMLButtonElement>('form button.secondary')!.click(); // None noticed
    await el.updateComplete;
    const late = plan.signs.find((s) => s.stage === 'late')!;
    $<HTMLInputElement>(`input[name="r-${late.id}"][value="2"]`)!.click();
    await el.updateComplete;
    $<HTMLButtonElement>('form button[type=submit]')!.click();
    await until(() => !!$('[part=result]')?.textContent?.includes('meets the alert rule'), 'the rule fires');
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Send an alert to the care co-ordinator')!.click();
    await until(() => !!$('[part=unowned]'), 'the no-owner warning');
    const warning = $<HTMLElement>('[part=unowned]')!;
    expect(warning.getAttribute('role')).to.equal('alert');
    const words = warning.textContent!.replace(/\s+/g, ' ');
    expect(words).to.include('Nobody will receive this alert');
    for (const c of plan.contacts) expect(words).to.include(`${c.who}: ${c.how}`);
    await expectNoAxeViolations(el);

    const { items } = await client.alerts.list({ serviceUserId: FIXTURE_PERSON_ID });
    expect(items).to.have.length(1);
    expect(items[0]!.owner).to.equal(undefined);
    const { body } = await fhir('GET', `Flag?identifier=urn:strkit:id|${items[0]!.id}`);
    expect((body!.entry as { resource: { status: string } }[])[0]!.resource.status).to.equal('active');
    const task = await taskOf(items[0]!.id);
    expect(task).to.not.have.property('owner');
    expect(task).to.deep.include({ status: 'requested', businessStatus: { text: 'Waiting for an owner: nobody has been assigned to receive this alert' } });
  });
});

describe('Sign check on the engine: the Observation says each sign in words', () => {
  it('from the plan as it is, and for a sign since taken off the plan, from the version that had it', async () => {
    const { store, plan } = await engine('cc-1');
    const [gone, ...kept] = plan.signs;
    const check = { ...settledChecks(plan)[0]!, id: '62000000-0000-4000-8000-000000000999', ratings: Object.fromEntries(plan.signs.map((s, i) => [s.id, i % 4 === 3 ? 'not-asked' : i % 4])) as never };
    // The plan changes before the (offline) check reaches the server: its first sign is no longer on it.
    await store.put('warningSignPlan', { ...plan, signs: kept }, plan.version);
    await store.put('signCheck', check);
    const { body } = await fhir('GET', `Observation?identifier=urn:strkit:id|${check.id}`);
    const obs = (body!.entry as { resource: { component: { code: { text?: string; coding: { code: string }[] } }[] } }[])[0]!.resource;
    const textOf = new Map(obs.component.map((c) => [c.code.coding[0]!.code, c.code.text]));
    for (const s of plan.signs) expect(textOf.get(s.id), s.id).to.equal(s.text);
    expect(gone).to.not.equal(undefined);
    expect(await store.get('signCheck', check.id)).to.deep.equal({ ...check, version: (await store.get('signCheck', check.id))!.version });
  });
});
