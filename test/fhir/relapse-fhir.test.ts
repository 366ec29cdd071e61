// Relapse signs on FHIR: round trips of the mapping (fast-check), validity on the engine, and the client over HTTP.
import { expect } from '@open-wc/testing';
import { NOT_ASKED, createClient, fhirStore, namespaceFrom, type Store } from '@strkit/sdk';
import fc from 'fast-check';
import { fixture, html } from '@open-wc/testing';
import '../../packages/components/src/define/str-relapse-signs.js';
import type { StrRelapseSigns } from '../../packages/components/src/relapse-signs/relapse-signs.js';
import type { Resource } from '../../packages/sdk/src/adapters/fhir/fhir-types.js';
import { alertTaskOf, alertToFhir, fhirToAlert, fhirToSignCheck, fhirToWarningSignPlan, signCheckToFhir, warningSignPlanToFhir } from '../../packages/sdk/src/adapters/fhir/map-relapse.js';
import { PERSON_ID, validServiceUser } from '../helpers/fixtures.js';
import { fhir, fhirBaseUrl, injectFaults, resetEngine, validateOnEngine } from './engine.js';
import { planArb, checkArb, alertArb } from './arbitraries/relapse.js';

const ns = namespaceFrom();
const PATIENT_REF = 'Patient/a1b2c3';
const served = (r: Resource, version: string): Resource => ({ ...r, id: 'srv-1', meta: { versionId: version } });

describe('relapse-sign FHIR mapping', () => {
  it('WarningSignPlan → CarePlan → identical', () =>
    fc.assert(fc.property(planArb, (p) => void expect(fhirToWarningSignPlan(served(warningSignPlanToFhir(p, PATIENT_REF, ns), p.version), ns)).to.deep.equal(p)), { numRuns: 300 }));
  it('SignCheck → Observation → identical', () =>
    fc.assert(fc.property(checkArb, (c) => void expect(fhirToSignCheck(served(signCheckToFhir(c, PATIENT_REF, ns), c.version), ns)).to.deep.equal(c)), { numRuns: 300 }));
  it('Alert → Flag → identical', () =>
    fc.assert(fc.property(alertArb, (a) => void expect(fhirToAlert(served(alertToFhir(a, PATIENT_REF, ns), a.version), ns)).to.deep.equal(a)), { numRuns: 300 }));

  it('600 emitted resources pass validateResource with 0 issues', async function () {
    this.timeout(60_000);
    const seed = 20261122;
    const resources = [
      ...fc.sample(planArb, { numRuns: 200, seed }).map((p) => warningSignPlanToFhir(p, PATIENT_REF, ns)),
      ...fc.sample(checkArb, { numRuns: 200, seed }).map((c) => signCheckToFhir(c, PATIENT_REF, ns)),
      ...fc.sample(alertArb, { numRuns: 200, seed }).flatMap((a) => [alertToFhir(a, PATIENT_REF, ns), alertTaskOf(a, 'Flag/f1', PATIENT_REF, undefined, ns)]),
    ];
    const [broken] = await validateOnEngine([{ resourceType: 'Flag', status: 'active' }]);
    expect(broken!.length, 'the validator can fail').to.be.greaterThan(0);
    const failures: string[] = [];
    for (let i = 0; i < resources.length; i += 200) {
      const batch = resources.slice(i, i + 200);
      (await validateOnEngine(batch)).forEach((issues, k) => issues.length && failures.push(`${batch[k]!.resourceType}: ${JSON.stringify(issues).slice(0, 300)}`));
    }
    expect(failures.slice(0, 5), `${failures.length} invalid of ${resources.length}`).to.deep.equal([]);
  });
});

describe('relapse signs on a FHIR engine', () => {
  let store: Store;
  beforeEach(async () => {
    await resetEngine();
    store = fhirStore({ baseUrl: await fhirBaseUrl() });
    await store.put('serviceUser', validServiceUser({ id: PERSON_ID, careCoordinatorId: 'cc-1' }));
  });

  it('plan, checks and an acknowledged alert round-trip; the care plan list is not confused by the relapse CarePlan', async () => {
    let t = Date.parse('2026-06-03T12:00:00Z');
    const clock = { now: () => new Date((t += 60_000)) };
    const cc = createClient({ store, actor: { id: 'cc-1', role: 'care-coordinator' }, clock });
    const worker = createClient({ store, actor: { id: 'w-1', role: 'str-worker' }, clock });
    const lateId = crypto.randomUUID();
    const plan = await cc.warningSignPlans.create({
      serviceUserId: PERSON_ID, agreedOn: '2026-05-01', agreedBaseline: { total: 1, fromCheckIds: [] },
      signs: [{ id: crypto.randomUUID(), text: ' Not sleeping\n(more than two nights) ', stage: 'early', response: 'Talk about sleep' }, { id: lateId, text: 'Hearing voices', stage: 'late', response: 'Tell the care co-ordinator today' }],
      contacts: [{ who: 'Crisis line', how: 'Any time' }],
    });
    const carePlan = await cc.carePlans.create({ serviceUserId: PERSON_ID, status: 'active' });
    const check = await worker.signChecks.create({ planId: plan.id, ratings: { [lateId]: 2, [plan.signs[0]!.id]: NOT_ASKED }, functioning: { sleep: { level: 'much-less', note: 'Up at 3' } }, personsView: 'Scared.' });
    expect(await worker.signChecks.get(check.id)).to.deep.equal(check);
    expect((await worker.signChecks.evaluate(check.id)).fires).to.equal(true);
    const alert = await worker.alerts.create({ checkId: check.id, reason: 'Late sign “Hearing voices” rated quite a lot (2 of 3)' });
    const ack = await cc.alerts.acknowledge(alert.id, 'Rang the same day', alert.version);
    expect((await cc.alerts.list({ serviceUserId: PERSON_ID, status: 'acknowledged' })).items).to.deep.equal([ack]);
    expect(await cc.warningSignPlans.current(PERSON_ID)).to.deep.equal(plan);
    expect((await cc.carePlans.loadCurrent(PERSON_ID))?.plan).to.deep.equal(carePlan);
    const { body } = await fhir('GET', `Flag?identifier=urn:strkit:id|${alert.id}`);
    expect((body!.entry as { resource: { status: string } }[])[0]!.resource.status).to.equal('inactive');
  });

  it('an alert is a Flag and a Task owned by the care co-ordinator, written in a fixed order; a dropped reply is completed by the retry', async () => {
    let t = Date.parse('2026-06-03T12:00:00Z');
    const clock = { now: () => new Date((t += 60_000)) };
    const cc = createClient({ store, actor: { id: 'cc-1', role: 'care-coordinator' }, clock });
    const plan = await cc.warningSignPlans.create({ serviceUserId: PERSON_ID, signs: [{ id: crypto.randomUUID(), text: 'Hearing voices', stage: 'late', response: 'Call' }] });
    const check = await cc.signChecks.create({ planId: plan.id, ratings: { [plan.signs[0]!.id]: 3 } });
    await injectFaults([{ method: 'POST', type: 'Task', kind: 'drop-after-commit' }]);
    const alert = await cc.alerts.create({ checkId: check.id });
    const tasks = async () => ((await fhir('GET', `Task?identifier=urn:strkit:companion-id|${alert.id}`)).body!.entry as { resource: Record<string, unknown> }[] | undefined ?? []).map((e) => e.resource);
    const flags = ((await fhir('GET', `Flag?identifier=urn:strkit:id|${alert.id}`)).body!.entry as { resource: { id: string } }[]).map((e) => e.resource);
    expect(flags).to.have.length(1);
    const [task] = await tasks();
    expect(await tasks()).to.have.length(1);
    expect(task).to.deep.include({ status: 'requested', intent: 'order', priority: 'urgent' });
    expect(task!['owner']).to.deep.equal({ identifier: { system: 'urn:strkit:worker-id', value: 'cc-1' }, display: 'Care co-ordinator' });
    expect(task!['focus']).to.deep.equal({ reference: `Flag/${flags[0]!.id}` });
    await cc.alerts.acknowledge(alert.id, 'Rang the same day', alert.version);
    const [done] = await tasks();
    expect(done).to.deep.include({ status: 'completed' });
    expect(done!['output']).to.deep.equal([{ type: { text: 'What was done' }, valueString: 'Rang the same day' }]);
  });

  it('a worker is a Practitioner with a PractitionerRole carrying their role', async () => {
    const lead = createClient({ store, actor: { id: 'lead-1', role: 'team-lead' } });
    const w = await lead.workers.create({ name: 'Ash Testworker', role: 'peer-support-worker', actorId: 'w-9' });
    expect(await lead.workers.get(w.id)).to.deep.equal(w);
    const { body } = await fhir('GET', `PractitionerRole?identifier=urn:strkit:companion-id|${w.id}`);
    const role = (body!.entry as { resource: Record<string, unknown> }[])[0]!.resource;
    expect(role['code']).to.deep.equal([{ coding: [{ system: 'urn:strkit:role', code: 'peer-support-worker', display: 'Peer support worker' }], text: 'Peer support worker' }]);
    expect((role['practitioner'] as { reference: string }).reference).to.match(/^Practitioner\//);
  });

  it('a Flag, a CarePlan and an Observation made by another system never crash <str-relapse-signs> or the client', async () => {
    const cc = createClient({ store, actor: { id: 'cc-1', role: 'care-coordinator' } });
    const plan = await cc.warningSignPlans.create({ serviceUserId: PERSON_ID, signs: [{ id: crypto.randomUUID(), text: 'Our sign', stage: 'early', response: 'Our response' }] });
    const { body } = await fhir('GET', `Patient?identifier=urn:strkit:id|${PERSON_ID}`);
    const subject = { reference: `Patient/${(body!.entry as { resource: { id: string } }[])[0]!.resource.id}` };
    await fhir('POST', 'Flag', { resourceType: 'Flag', status: 'active', code: { text: 'Foreign flag <script>window.__pwned=1</script>' }, subject });
    await fhir('POST', 'CarePlan', { resourceType: 'CarePlan', status: 'active', intent: 'plan', subject, category: [{ coding: [{ system: 'urn:strkit:care-plan-kind', code: 'relapse-prevention' }] }] });
    await fhir('POST', 'Observation', { resourceType: 'Observation', status: 'final', code: { text: 'Blood pressure' }, subject });
    expect(await cc.warningSignPlans.current(PERSON_ID)).to.deep.equal(plan);
    expect((await cc.alerts.list({ serviceUserId: PERSON_ID })).items).to.deep.equal([]);
    expect(await cc.signChecks.forPlan(plan)).to.deep.equal([]);
    for (const view of ['check', 'alerts'] as const) {
      const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs view=${view} service-user-id=${PERSON_ID} .client=${cc}></str-relapse-signs>`);
      await el.whenLoaded();
      for (let i = 0; i < 100 && view === 'alerts' && !el.shadowRoot!.textContent!.includes('No open alerts'); i++) await new Promise((r) => setTimeout(r, 10));
      expect(el.shadowRoot!.textContent).not.to.include('Foreign flag');
      expect(el.shadowRoot!.textContent).to.include(view === 'alerts' ? 'No open alerts' : 'Our sign');
    }
    expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
  });
});
