// Planted on a real FHIR engine over HTTP (issue 13): one malformed or partial resource of a person (an Encounter whose
// note document is missing, a Patient with a broken name) is reported in words and left out, the rest of the person's
// record is shown, and nothing is written to the wrong Patient. (Two Patients with one STR identifier: identity.test.ts.)
// Synthetic people only.
import { expect, fixture, html } from '@open-wc/testing';
import { contactToEncounter, createClient, fhirStore, isStrError, memoryDrafts, namespaceFrom, type Clock, type StrClient } from '@strkit/sdk';
import '../../packages/components/src/define/str-contact-log.js';
import type { StrContactLog } from '../../packages/components/src/contact-log/contact-log.js';
import { OTHER_PERSON_ID, PERSON_ID, validContact, validServiceUser } from '../helpers/fixtures.js';
import { fhir, fhirBaseUrl, resetEngine } from './engine.js';

const clock: Clock = { now: () => new Date('2026-06-05T16:00:00Z') };
const SECRET = 'Words of a note that must never appear in a message';
const contact = (serviceUserId: string, day: number, note: string) => ({
  serviceUserId, start: `2026-06-0${day}T10:00:00+01:00`, durationMinutes: 30, mechanism: '01', locationType: 'A01', attendance: '5', note,
}) as const;

type Resource = { id: string; subject?: { reference?: string }; name?: unknown };
const entries = (body: Record<string, unknown> | undefined) => ((body?.entry as { resource: Resource }[] | undefined) ?? []).map((e) => e.resource);
const patientOf = async (personId: string) => entries((await fhir('GET', `Patient?identifier=urn:strkit:id|${personId}`)).body)[0]!;

/** A worker opening the record afresh (a new page: nothing cached about who is which Patient). */
const opened = async (): Promise<StrClient> =>
  createClient({ store: fhirStore({ baseUrl: await fhirBaseUrl() }), drafts: memoryDrafts(), actor: { id: 'w1', role: 'str-worker' }, clock });

/** Ada (the person the widget is for) and Ben (another person) on the engine, each with two contacts. */
async function twoPeople(): Promise<{ ada: string; ben: string }> {
  await resetEngine();
  const store = fhirStore({ baseUrl: await fhirBaseUrl() });
  await store.put('serviceUser', validServiceUser({ id: PERSON_ID, displayName: 'Ada Plantedcase' }));
  await store.put('serviceUser', validServiceUser({ id: OTHER_PERSON_ID, displayName: 'Ben Plantedcase', nhsNumber: '9990000026' }));
  const client = createClient({ store, drafts: memoryDrafts(), actor: { id: 'w1', role: 'str-worker' }, clock });
  for (const [person, who] of [[PERSON_ID, 'Ada'], [OTHER_PERSON_ID, 'Ben']] as const) {
    await client.contacts.create(contact(person, 2, `${who}: walk to the library`));
    await client.contacts.create(contact(person, 3, `${who}: bus pass renewed`));
  }
  return { ada: `Patient/${(await patientOf(PERSON_ID)).id}`, ben: `Patient/${(await patientOf(OTHER_PERSON_ID)).id}` };
}

/** The notice a widget shows for records it could not read, once it appears. */
async function unreadableNotice(el: HTMLElement): Promise<string | undefined> {
  for (let i = 0; i < 300 && !el.shadowRoot!.querySelector('.unreadable'); i++) await new Promise((r) => setTimeout(r, 10));
  return el.shadowRoot!.querySelector('.unreadable')?.textContent ?? undefined;
}

/** A new contact for Ada lands on her Patient, and Ben's record is as it was. */
async function newContactLandsOnAda(client: StrClient, ada: string, ben: string) {
  const made = await client.contacts.create(contact(PERSON_ID, 4, 'Ada: after the planted resource'));
  const onAda = entries((await fhir('GET', `Encounter?identifier=urn:strkit:id|${made.id}`)).body);
  expect(onAda.map((e) => e.subject?.reference), 'the new contact references her Patient').to.deep.equal([ada]);
  expect(entries((await fhir('GET', `Encounter?subject=${ben}`)).body), 'Ben has his two contacts and no more').to.have.length(2);
  expect(entries((await fhir('GET', `DocumentReference?subject=${ben}`)).body), 'and his two notes').to.have.length(2);
  expect((await client.contacts.list({ serviceUserId: OTHER_PERSON_ID })).items.map((c) => c.note).sort()).to.deep.equal(['Ben: bus pass renewed', 'Ben: walk to the library']);
}

describe('Planted on the FHIR engine: one broken resource never hides the rest of a person’s record', () => {
  it('an Encounter whose note document is missing is left out and reported in words; her other contacts are shown', async function () {
    this.timeout(60_000);
    const { ada, ben } = await twoPeople();
    // Another system (or a restore that lost a document) leaves an Encounter naming a note that is not there.
    const orphan = validContact({ id: crypto.randomUUID(), serviceUserId: PERSON_ID, start: '2026-06-01T10:00:00+01:00', note: SECRET });
    const planted = await fhir('POST', 'Encounter', contactToEncounter(orphan, { patientReference: ada }, 'digest-of-a-lost-note', namespaceFrom()));
    expect(planted.status).to.equal(201);

    const client = await opened();
    const page = await client.contacts.list({ serviceUserId: PERSON_ID });
    expect(page.items.map((c) => c.note).sort()).to.deep.equal(['Ada: bus pass renewed', 'Ada: walk to the library']);
    expect(page.unreadable?.map((u) => u.id)).to.deep.equal([orphan.id]);
    expect(page.unreadable![0]!.reason).to.match(/note/).and.not.include(SECRET);
    try {
      await client.contacts.get(orphan.id);
      expect.fail('reading it alone should be refused');
    } catch (e) {
      expect(isStrError(e, 'mapping'), String(e)).to.equal(true);
      expect((e as Error).message).to.include(orphan.id).and.not.include(SECRET);
    }

    const el = await fixture<StrContactLog>(html`<str-contact-log service-user-id=${PERSON_ID} .client=${client} .clock=${clock}></str-contact-log>`);
    expect(await unreadableNotice(el)).to.include('1 record could not be read');
    expect(el.shadowRoot!.textContent).to.include('Ada: walk to the library').and.include('Ada: bus pass renewed').and.not.include('Ben:');
    await newContactLandsOnAda(client, ada, ben);
  });

  it('a Patient with a broken name: reading her is refused in words, the caseload lists the others and reports her, her contacts are shown', async function () {
    this.timeout(60_000);
    const { ada, ben } = await twoPeople();
    // Another system rewrites her Patient with a name that is no name: only invisible characters.
    const patient = await patientOf(PERSON_ID);
    const put = await fhir('PUT', `Patient/${patient.id}`, { ...patient, name: [{ use: 'usual', text: '\u200b\u200b' }] });
    expect(put.status).to.equal(200);

    const client = await opened();
    try {
      await client.serviceUsers.get(PERSON_ID);
      expect.fail('reading her should be refused');
    } catch (e) {
      expect(isStrError(e, 'mapping'), String(e)).to.equal(true);
      expect((e as Error).message, 'in words, naming her Patient').to.include('its name has no visible text').and.include(`Patient/${patient.id}`);
    }
    const people = await client.serviceUsers.list();
    expect(people.items.map((p) => p.displayName)).to.deep.equal(['Ben Plantedcase']);
    expect(people.unreadable?.map((u) => u.id)).to.deep.equal([PERSON_ID]);
    expect(people.unreadable![0]!.reason).to.include('its name has no visible text');

    // Her record opened afresh: the contacts are hers by her Patient, whatever its name says.
    const reader = await opened();
    const page = await reader.contacts.list({ serviceUserId: PERSON_ID });
    expect(page.items.map((c) => c.note).sort()).to.deep.equal(['Ada: bus pass renewed', 'Ada: walk to the library']);
    const el = await fixture<StrContactLog>(html`<str-contact-log service-user-id=${PERSON_ID} .client=${await opened()} .clock=${clock}></str-contact-log>`);
    for (let i = 0; i < 300 && !el.shadowRoot!.textContent!.includes('Ada: bus pass renewed'); i++) await new Promise((r) => setTimeout(r, 10));
    expect(el.shadowRoot!.textContent).to.include('Ada: walk to the library').and.include('Ada: bus pass renewed').and.not.include('Ben:');
    await newContactLandsOnAda(client, ada, ben);
  });
});
