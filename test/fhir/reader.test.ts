// "The EPR reader" (issue 13): a record system reads standard elements and UK Core extensions only. Strip every
// narrative and every extension that is neither HL7 nor UK Core, then read each clinical fact through FHIRPath and
// compare it with the record. Plus: every UK Core coding has the published display, every SNOMED code its check digit.
import { evalFhirPath } from '@medplum/core';
import { expect } from '@open-wc/testing';
import {
  ACTIVITY_LOCATION_TYPES, ATTEND_STATUSES, CONSULTATION_MECHANISMS, contactToEncounter, fhirStore, isStrError, isValidConceptId, labelOf, namespaceFrom,
  noteToDocumentReference, type Contact,
} from '@strkit/sdk';
import { digest, fromBase64 } from '../../packages/sdk/src/adapters/fhir/map-common.js';
import { SNOMED, snomedCoding } from '../../packages/sdk/src/adapters/fhir/systems.js';
import { UKCORE_HUMAN_LANGUAGES, UKCORE_LOCATION_TYPE_DISPLAYS } from '../../packages/sdk/src/adapters/fhir/ukcore.js';
import type { Resource } from '../../packages/sdk/src/adapters/fhir/fhir-types.js';
import { alertTaskOf, alertToFhir, signCheckToFhir, warningSignPlanToFhir } from '../../packages/sdk/src/adapters/fhir/map-relapse.js';
import { careTeamToFhir, carePlanToFhir, goalToFhir, practitionerRoleOf, progressNoteToFhir, taskToFhir, workerToPractitioner } from '../../packages/sdk/src/adapters/fhir/map-care-plan.js';
import { serviceUserToPatient } from '../../packages/sdk/src/adapters/fhir/map-patient.js';
import { fixtureWorkers, typicalPlan } from '../../packages/components/src/care-plan/care-plan.fixtures.js';
import sdsJobRoles from '../../docs/reference/ukcore/CodeSystem-UKCore-SDSJobRoleName.json';
import { fixtureCheck, signPlan } from '../../packages/components/src/relapse-signs/relapse-signs.fixtures.js';
import type { Alert } from '@strkit/sdk';
import { validContact, validServiceUser } from '../helpers/fixtures.js';
import locationTypes from '../../docs/reference/ukcore/CodeSystem-UKCore-EncounterLocationTypeEngland.json';
import humanLanguages from '../../docs/reference/ukcore/CodeSystem-UKCore-HumanLanguage.json';

import { readerView } from './reader-view.js';

const ns = namespaceFrom();
const PATIENT = 'Patient/p1';

/** Every value the FHIRPath expression gives on the resource as a reader sees it. */
const read = (resource: Resource, path: string): unknown[] => evalFhirPath(path, readerView(resource) as never);

/** The facts a clinician needs from a contact, each as FHIRPath over Encounter + its note DocumentReference. */
function contactFacts(c: Contact): [fact: string, resource: 'enc' | 'doc', path: string, expected: unknown[]][] {
  const seen = c.attendance === '5' || c.attendance === '6';
  return [
    ['when', 'enc', 'Encounter.period.start', [c.start]],
    ['how (mechanism, in words)', 'enc', `Encounter.type.where(coding.system = '${ns.consMechanism}').text`, [labelOf(CONSULTATION_MECHANISMS, c.mechanism)]],
    ['where (UK Core location type)', 'enc', "Encounter.location.physicalType.coding.where(system = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-EncounterLocationTypeEngland').code", [c.locationType]],
    ['attended or not (status)', 'enc', 'Encounter.status', [seen ? 'finished' : 'cancelled']],
    ['attendance, in words', 'enc', `Encounter.type.where(coding.system = '${ns.attendStatus}').text`, [`${seen ? 'Attended' : 'Not seen'}: ${labelOf(ATTEND_STATUSES, c.attendance)}`]],
    ['duration (attended contacts only)', 'enc', 'Encounter.length.value', seen ? [c.durationMinutes] : []],
    ['the worker', 'enc', "Encounter.participant.where(type.coding.code = 'PPRF').individual.identifier.value", [c.workerId]],
    ['the interpreter and language', 'enc', "Encounter.contained.communication.text", c.interpreterLanguage ? [c.interpreterLanguage] : []],
    ['an interpreter took part', 'enc', "Encounter.participant.where(type.coding.code = 'TRANSL').exists()", [c.interpreterLanguage !== undefined || c.othersPresent.some((o) => o.kind === 'interpreter')]],
    ['note text', 'doc', 'DocumentReference.content.attachment.data', [c.note]],
    ['note author', 'doc', 'DocumentReference.author.identifier.value', [c.workerId]],
    ['note belongs to the contact', 'doc', 'DocumentReference.context.encounter.reference', ['Encounter/e1']],
  ];
}

/** Runs a fact table against what a reader sees; returns the facts it could not read as recorded. */
function unreadable(c: Contact, enc: Resource, doc: Resource): string[] {
  return contactFacts(c).flatMap(([fact, which, path, expected]) => {
    let got = read(which === 'enc' ? enc : doc, path);
    if (fact === 'note text') got = got.map((d) => fromBase64(String(d)));
    return JSON.stringify(got) === JSON.stringify(expected) ? [] : [`${fact}: ${JSON.stringify(got)} ≠ ${JSON.stringify(expected)}`];
  });
}

function contactResources(c: Contact) {
  const d = digest(c.note);
  const enc = { ...contactToEncounter(c, { patientReference: PATIENT }, d, ns), id: 'e1', meta: { versionId: '1' } };
  const doc = noteToDocumentReference(c, { patientReference: PATIENT, encounterReference: 'Encounter/e1' }, d, ns);
  return { enc, doc };
}

const CONTACTS: Contact[] = [
  validContact({ mechanism: '01', locationType: 'A01', attendance: '5', interpreterLanguage: 'Polish', othersPresent: [{ kind: 'interpreter' }] }),
  validContact({ mechanism: '02', locationType: 'X01', attendance: '6', durationMinutes: 12 }),
  validContact({ mechanism: '11', locationType: 'C01', attendance: '3', durationMinutes: 45, note: 'Did not answer the video call.' }),
  validContact({ mechanism: '01', locationType: 'E01', attendance: '2', othersPresent: [{ kind: 'interpreter', role: 'BSL' }] }),
  validContact({ mechanism: '05', locationType: 'N03', attendance: '4', interpreterLanguage: 'Tigrinya-Amharic mix' }),
];

describe('The EPR reader: contact → Encounter + DocumentReference', () => {
  it('reads every clinical fact of each contact from standard elements alone', () => {
    for (const c of CONTACTS) {
      const { enc, doc } = contactResources(c);
      expect(unreadable(c, enc, doc), `contact ${c.mechanism}/${c.locationType}/${c.attendance}`).to.deep.equal([]);
    }
  });

  it('the narrative and STR extensions alone do not pass: the same facts kept only there are unreadable', () => {
    const c = CONTACTS[0]!;
    const { enc, doc } = contactResources(c);
    const div = `<div xmlns="http://www.w3.org/1999/xhtml">${JSON.stringify(c)}</div>`;
    const narrativeOnly = (r: Resource, keep: string[]) =>
      ({ ...Object.fromEntries(Object.entries(r).filter(([k]) => keep.includes(k))), text: { status: 'generated', div } }) as Resource;
    const failed = unreadable(c, narrativeOnly(enc, ['resourceType', 'id', 'identifier', 'extension', 'class', 'subject']), narrativeOnly(doc, ['resourceType', 'identifier', 'subject', 'extension']));
    expect(failed.length).to.equal(contactFacts(c).length);
  });

  it('a did-not-attend has no Encounter.length; attended contacts have it in UCUM minutes', () => {
    const dna = contactResources(validContact({ attendance: '3', durationMinutes: 30 })).enc;
    expect(read(dna, 'Encounter.length')).to.deep.equal([]);
    const seen = contactResources(validContact({ attendance: '5', durationMinutes: 30 })).enc;
    expect(read(seen, 'Encounter.length')).to.deep.equal([{ value: 30, unit: 'min', system: 'http://unitsofmeasure.org', code: 'min' }]);
  });

  it('Encounter.type carries the verified SNOMED CT code where one fits, and none for face to face elsewhere', () => {
    const cases: [Partial<Contact>, string[]][] = [
      [{ mechanism: '02', locationType: 'X01' }, ['185317003']],
      [{ mechanism: '11', locationType: 'X01' }, ['307321000000107']],
      [{ mechanism: '01', locationType: 'A01' }, ['270420001']],
      [{ mechanism: '01', locationType: 'E01' }, ['431957001']],
      [{ mechanism: '09', locationType: 'X01' }, ['185316007']],
      [{ mechanism: '01', locationType: 'N01' }, []],
      [{ mechanism: '04', locationType: 'A01' }, []],
      [{ mechanism: '98', locationType: 'A01' }, []],
    ];
    for (const [fields, codes] of cases) {
      const { enc } = contactResources(validContact(fields));
      expect(read(enc, "Encounter.type.coding.where(system = 'http://snomed.info/sct').code"), JSON.stringify(fields)).to.deep.equal(codes);
    }
  });

  it('Encounter.serviceType is the SNOMED CT care setting: community mental health team by default, configurable', () => {
    const { enc } = contactResources(validContact());
    expect(read(enc, 'Encounter.serviceType.coding')).to.deep.equal([{ system: 'http://snomed.info/sct', code: '89301000000108', display: 'Community mental health team' }]);
    const eip = namespaceFrom('urn:strkit', { careSetting: { code: '92191000000105', display: 'Early intervention in psychosis team' } });
    const other = contactToEncounter(validContact(), { patientReference: PATIENT }, undefined, eip);
    expect(read(other, 'Encounter.serviceType.coding.code')).to.deep.equal(['92191000000105']);
  });
});

describe('UK Core codings use the published display (read from the UK Core JSON)', () => {
  const published = (cs: { concept: { code: string; display: string; concept?: unknown[] }[] }) => new Map(cs.concept.map((c) => [c.code, c.display]));

  it('the SDK location-type table equals UKCore-EncounterLocationTypeEngland, and every MHSDS location code is in it', () => {
    expect(new Map(Object.entries(UKCORE_LOCATION_TYPE_DISPLAYS))).to.deep.equal(published(locationTypes));
    expect(ACTIVITY_LOCATION_TYPES.map((l) => l.code).filter((code) => !published(locationTypes).has(code))).to.deep.equal([]);
  });

  it('Encounter.location.physicalType has the exact UK Core display for every location code', () => {
    const wrong = ACTIVITY_LOCATION_TYPES.flatMap(({ code }) => {
      const { enc } = contactResources(validContact({ locationType: code }));
      const display = read(enc, 'Encounter.location.physicalType.coding.display')[0];
      return display === published(locationTypes).get(code) ? [] : [`${code}: ${String(display)}`];
    });
    expect(wrong).to.deep.equal([]);
  });

  it('the SDK language table equals UKCore-HumanLanguage; an interpreter language is coded with its exact display', () => {
    expect(new Map(UKCORE_HUMAN_LANGUAGES)).to.deep.equal(published(humanLanguages));
    for (const [typed, code, display] of [['Polish', 'pl', 'Polish'], ['british sign language', 'q4', 'British Sign Language'], ['Punjabi', 'pa', 'Panjabi; Punjabi']]) {
      const { enc } = contactResources(validContact({ interpreterLanguage: typed! }));
      expect(read(enc, 'Encounter.contained.communication.coding')).to.deep.equal([{ system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-HumanLanguage', code, display }]);
      expect(published(humanLanguages).get(code!)).to.equal(display);
    }
    // Words that match no published display stay words: never a guessed code.
    const { enc } = contactResources(validContact({ interpreterLanguage: 'Tigrinya-Amharic mix' }));
    expect(read(enc, 'Encounter.contained.communication')).to.deep.equal([{ text: 'Tigrinya-Amharic mix' }]);
  });
});

describe('SNOMED CT codes pass the Verhoeff check', () => {
  it('every code on the SDK list, and every SNOMED coding emitted for any contact, is a valid concept id', () => {
    for (const { code } of Object.values(SNOMED)) expect(isValidConceptId(code), code).to.equal(true);
    const emitted = new Set<string>();
    for (const mechanism of CONSULTATION_MECHANISMS.map((m) => m.code)) {
      for (const locationType of ['A01', 'E01', 'X01'] as const) {
        const { enc } = contactResources(validContact({ mechanism, locationType }));
        JSON.stringify(enc, (_k, v: { system?: string; code?: string }) => {
          if (v?.system === 'http://snomed.info/sct') emitted.add(String(v.code));
          return v;
        });
      }
    }
    expect([...emitted].sort()).to.deep.equal(['185316007', '185317003', '270420001', '307321000000107', '431957001', '89301000000108']);
    expect([...emitted].every(isValidConceptId)).to.equal(true);
  });

  it('a mistyped code is refused: the NHS Digital typo 1035441000000100, and a care setting with a wrong check digit', () => {
    let err: unknown;
    try {
      snomedCoding({ code: '1035441000000100', display: 'QPR' });
    } catch (e) {
      err = e;
    }
    expect(isStrError(err, 'validation')).to.equal(true);
    err = undefined;
    try {
      fhirStore({ baseUrl: 'http://127.0.0.1:1/fhir', careSetting: { code: '89301000000109', display: 'Community mental health team' } });
    } catch (e) {
      err = e;
    }
    expect(isStrError(err, 'validation')).to.equal(true);
  });
});

describe('The EPR reader: alert → Flag + Task', () => {
  const plan = signPlan();
  const late = plan.signs.find((s) => s.stage === 'late')!;
  const check = fixtureCheck(plan, 1, '2026-06-03T10:00:00Z', (i) => (plan.signs[i]!.id === late.id ? 2 : i === 0 ? 'not-asked' : 0));
  const alert: Alert = {
    id: '70000000-0000-4000-8000-000000000001', version: '1', schemaVersion: 1, createdAt: '2026-06-03T10:05:00Z', createdBy: 'w-1', updatedAt: '2026-06-03T11:00:00Z', updatedBy: 'cc-1',
    serviceUserId: plan.serviceUserId, checkId: check.id, reason: `Late sign “${late.text}” rated quite a lot (2 of 3)`, note: 'Frightened; agreed I would tell Bea.',
    raisedBy: 'w-1', raisedAt: '2026-06-03T10:05:00Z', status: 'acknowledged', acknowledged: { by: 'cc-1', at: '2026-06-03T11:00:00Z', action: 'Rang the same day' },
    owner: { kind: 'care-coordinator', id: 'cc-1' },
  };
  const flag: Resource = { ...alertToFhir(alert, PATIENT, ns), id: 'f1', meta: { versionId: '2' } };
  const task = alertTaskOf(alert, 'Flag/f1', PATIENT, undefined, ns, { check, plan });
  const has = (words: string) => `Task.description.contains('${words.replace(/'/g, "\\'")}')`;

  function alertFacts(): [fact: string, resource: Resource, path: string, expected: unknown[]][] {
    return [
      ['the reason, in words', flag, 'Flag.code.text', [alert.reason]],
      ['a coded category', flag, "Flag.category.coding.where(system = 'http://terminology.hl7.org/CodeSystem/flag-category').code", ['clinical']],
      ['open or dealt with', flag, 'Flag.status', ['inactive']],
      ['raised at, dealt with at', flag, 'Flag.period.start | Flag.period.end', [alert.raisedAt, alert.acknowledged!.at]],
      ['who raised it', flag, 'Flag.author.identifier.value', ['w-1']],
      ['who owns the alert', task, 'Task.owner.identifier.value', ['cc-1']],
      ['the Task is the Flag’s', task, 'Task.focus.reference', ['Flag/f1']],
      ['the reason on the worklist', task, has(alert.reason), [true]],
      ['the worker’s note', task, has(alert.note), [true]],
      ...plan.signs.map((s): [string, Resource, string, unknown[]] => [`sign “${s.text}” as rated`, task, has(`${s.text} (${s.stage} sign): ${s.id === late.id ? '2 of 3, Quite a lot' : s.id === plan.signs[0]!.id ? 'not asked' : '0 of 3, Not noticed'}`), [true]]),
      ...plan.signs.map((s): [string, Resource, string, unknown[]] => [`agreed response to “${s.text}”`, task, has(`Agreed response: ${s.response}`), [true]]),
      ...plan.contacts.map((c): [string, Resource, string, unknown[]] => [`crisis contact ${c.who}`, task, has(`${c.who}: ${c.how}`), [true]]),
      ['what was done', task, 'Task.output.valueString', ['Rang the same day']],
      ['done', task, 'Task.status', ['completed']],
    ];
  }
  const unreadableAlert = (f: Resource, t: Resource) =>
    alertFacts().flatMap(([fact, r, path, expected]) => {
      const got = read(r === flag ? f : t, path);
      return JSON.stringify(got) === JSON.stringify(expected) ? [] : [`${fact}: ${JSON.stringify(got)} ≠ ${JSON.stringify(expected)}`];
    });

  it('reads the reason, each sign as rated, the agreed responses, the crisis contacts and the owner from standard elements', () => {
    expect(unreadableAlert(flag, task)).to.deep.equal([]);
  });

  it('the narrative and STR extensions alone do not pass', () => {
    const div = `<div xmlns="http://www.w3.org/1999/xhtml">${JSON.stringify({ alert, plan, check })}</div>`;
    const f = { resourceType: 'Flag', id: 'f1', identifier: flag.identifier, extension: flag.extension, subject: flag['subject'], text: { status: 'generated', div } } as Resource;
    const t = { resourceType: 'Task', identifier: task.identifier, intent: 'order', text: { status: 'generated', div } } as Resource;
    expect(unreadableAlert(f, t).length).to.equal(alertFacts().length);
  });
});

/** Compares each fact row with what a reader sees; returns the rows it could not read as recorded. */
function unreadableRows(rows: readonly [fact: string, resource: Resource, path: string, expected: unknown[]][]): string[] {
  return rows.flatMap(([fact, r, path, expected]) => {
    const got = read(r, path);
    return JSON.stringify(got) === JSON.stringify(expected) ? [] : [`${fact}: ${JSON.stringify(got)} ≠ ${JSON.stringify(expected)}`];
  });
}
/** The same resource with only its identity, narrative and STR extensions: the control that must not pass. */
const narrativeOnly = (r: Resource, record: unknown): Resource =>
  ({ resourceType: r.resourceType, identifier: r.identifier, extension: r.extension, text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${JSON.stringify(record)}</div>` } }) as Resource;

describe('The EPR reader: warning-sign plan, sign check, care plan, person, worker', () => {
  const plan = signPlan();
  const planFhir = warningSignPlanToFhir(plan, PATIENT, ns);
  const planRows = (r: Resource): [string, Resource, string, unknown[]][] => [
    ...plan.signs.map((s, i): [string, Resource, string, unknown[]] => [`sign ${i + 1} words, stage and agreed response`, r, `CarePlan.activity[${i}].detail.select(reasonCode.text | code.text | description)`, [s.text, `Response to a${s.stage === 'early' ? 'n' : ''} ${s.stage} warning sign`, s.response]]),
    ['the crisis contacts', r, 'CarePlan.note.text', plan.contacts.map((c) => `Who to contact: ${c.who}: ${c.how}`)],
  ];

  it('warning-sign plan → CarePlan: each sign’s words, stage and agreed response, and the contacts', () => {
    expect(unreadableRows(planRows(planFhir))).to.deep.equal([]);
    expect(unreadableRows(planRows(narrativeOnly(planFhir, plan))).length).to.equal(planRows(planFhir).length);
  });

  const late = plan.signs.find((s) => s.stage === 'late')!;
  const check = fixtureCheck(plan, 2, '2026-06-03T10:00:00Z', (i) => (plan.signs[i]!.id === late.id ? 2 : i === 0 ? 'not-asked' : 0), {
    observations: 'Curtains closed at noon.', personsView: 'I am scared of the neighbours.', functioning: { sleep: { level: 'much-less', note: 'Up at 3' } },
  });
  const words = new Map(plan.signs.map((s) => [s.id, s.text]));
  const obs = signCheckToFhir(check, PATIENT, ns, words);
  const checkRows = (r: Resource): [string, Resource, string, unknown[]][] => [
    ...plan.signs.map((s): [string, Resource, string, unknown[]] => {
      const rating = check.ratings[s.id]!;
      return [`“${s.text}” as rated`, r, `Observation.component.where(code.text = '${s.text.replace(/'/g, "\\'")}').select(valueInteger | dataAbsentReason.coding.code)`, [rating === 'not-asked' ? 'not-asked' : rating]];
    }),
    ['functioning, in words', r, "Observation.component.where(code.text = 'Sleep').valueCodeableConcept.text", ['Much less than usual']],
    ['observations, the person’s view, functioning notes', r, 'Observation.note.text', ['Observations: Curtains closed at noon.', "The person's view: I am scared of the neighbours.", 'Sleep: Up at 3']],
    ['when', r, 'Observation.effectiveDateTime', [check.at]],
  ];

  it('sign check → Observation: each component names the sign in words with its rating; views and observations in note', () => {
    expect(unreadableRows(checkRows(obs))).to.deep.equal([]);
    expect(unreadableRows(checkRows(narrativeOnly(obs, check))).length).to.equal(checkRows(obs).length);
  });

  const typical = typicalPlan();
  const { goals, tasks } = typical;
  // The order the co-ordinator set: the plan holds its tasks goal by goal (one write saves an order).
  const carePlan = { ...typical.plan, taskOrder: Object.fromEntries(goals.map((g) => [g.id, tasks.filter((t) => t.goalId === g.id).map((t) => t.id).reverse()])) };
  const cp = carePlanToFhir(carePlan, PATIENT, ns);
  const tasksInPlanOrder = carePlan.goalOrder.flatMap((g) => carePlan.taskOrder[g] ?? []);
  const cpRows = (r: Resource, gs: Resource[], ts: Resource[]): [string, Resource, string, unknown[]][] => [
    ['the plan’s goals', r, 'CarePlan.goal.identifier.value', carePlan.goalOrder],
    ['the plan’s tasks', r, 'CarePlan.activity.reference.identifier.value', tasksInPlanOrder],
    ...goals.map((g, i): [string, Resource, string, unknown[]] => [`goal ${i + 1} text`, gs[i]!, 'Goal.description.text', [g.text]]),
    ...tasks.map((t, i): [string, Resource, string, unknown[]] => [`task ${i + 1} text`, ts[i]!, 'Task.description', [t.text]]),
  ];

  it('care plan → CarePlan with goal and activity references to its Goals and Tasks; goal and task text readable', () => {
    expect(tasksInPlanOrder.length).to.be.greaterThan(0);
    const gs = goals.map((g) => goalToFhir(g, PATIENT, ns));
    const ts = tasks.map((t) => taskToFhir(t, PATIENT, ns));
    expect(unreadableRows(cpRows(cp, gs, ts))).to.deep.equal([]);
    const failed = unreadableRows(cpRows(narrativeOnly(cp, carePlan), gs.map((g, i) => narrativeOnly(g, goals[i])), ts.map((t, i) => narrativeOnly(t, tasks[i]))));
    expect(failed.length).to.equal(cpRows(cp, gs, ts).length);
  });

  it('person → Patient: the preferred name is a HumanName with use usual; NHS number as before', () => {
    const person = validServiceUser({ displayName: 'Alex Testperson' });
    const patient = serviceUserToPatient(person, ns);
    expect(read(patient, "Patient.name.where(use = 'usual').text")).to.deep.equal(['Alex Testperson']);
    expect(read(patient, "Patient.identifier.where(system = 'https://fhir.nhs.uk/Id/nhs-number').value")).to.deep.equal([person.nhsNumber]);
  });

  it('worker → PractitionerRole: an STR worker has SDS job role R1710 with the exact UK Core display; a peer support worker, words only', () => {
    const sds = new Map<string, string>();
    const walk = (cc: { code: string; display: string; concept?: unknown[] }[]) => cc.forEach((c) => (sds.set(c.code, c.display), walk((c.concept ?? []) as typeof cc)));
    walk(sdsJobRoles.concept);
    const str = practitionerRoleOf(fixtureWorkers[0]!, 'Practitioner/w1', ns);
    expect(read(str, "PractitionerRole.code.coding.where(system = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-SDSJobRoleName')")).to.deep.equal([
      { system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-SDSJobRoleName', code: 'R1710', display: sds.get('R1710') },
    ]);
    expect(sds.get('R1710')).to.equal('Support, Time, Recovery Worker');
    const peer = practitionerRoleOf({ ...fixtureWorkers[0]!, role: 'peer-support-worker' }, 'Practitioner/w1', ns);
    expect(read(peer, "PractitionerRole.code.coding.where(system = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-SDSJobRoleName')")).to.deep.equal([]);
    expect(read(peer, 'PractitionerRole.code.text')).to.deep.equal(['Peer support worker']);
  });
});

describe('Generated narrative on every resource STR Kit writes', () => {
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> & “quotes” \'';
  const plan = signPlan({ contacts: [{ who: hostile, how: 'Ring <b>now</b>' }] });
  const check = fixtureCheck(plan, 3, '2026-06-03T10:00:00Z', () => 1, { personsView: hostile });
  const alert: Alert = {
    id: '70000000-0000-4000-8000-000000000002', version: '1', schemaVersion: 1, createdAt: '2026-06-03T10:05:00Z', createdBy: 'w-1', updatedAt: '2026-06-03T10:05:00Z', updatedBy: 'w-1',
    serviceUserId: plan.serviceUserId, checkId: check.id, reason: hostile, note: '', raisedBy: 'w-1', raisedAt: '2026-06-03T10:05:00Z', status: 'open',
  };
  const { plan: carePlan, goals, tasks, notes } = typicalPlan();
  const worker = fixtureWorkers[0]!;
  const c = validContact({ note: hostile, interpreterLanguage: 'Polish' });
  const resources: Resource[] = [
    ...Object.values(contactResources(c)),
    serviceUserToPatient(validServiceUser({ displayName: hostile }), ns),
    workerToPractitioner({ ...worker, name: hostile }, ns), practitionerRoleOf(worker, 'Practitioner/w1', ns),
    carePlanToFhir(carePlan, PATIENT, ns), goalToFhir({ ...goals[0]!, text: hostile }, PATIENT, ns), taskToFhir({ ...tasks[0]!, text: hostile }, PATIENT, ns),
    progressNoteToFhir({ ...notes[0]!, text: hostile }, PATIENT, ns),
    careTeamToFhir({ ...alert, id: '80000000-0000-4000-8000-000000000001', serviceUserId: plan.serviceUserId, name: hostile, status: 'active', participants: [] } as never, PATIENT, ns),
    warningSignPlanToFhir(plan, PATIENT, ns), signCheckToFhir(check, PATIENT, ns, new Map(plan.signs.map((s) => [s.id, s.text]))),
    alertToFhir(alert, PATIENT, ns), alertTaskOf(alert, 'Flag/f1', PATIENT, 'cc-1', ns, { check, plan }),
  ];

  it('each has text.status generated and an XHTML div of plain elements only, with the untrusted words escaped', () => {
    const types = new Set<string>();
    for (const r of resources) {
      types.add(r.resourceType);
      expect(r.text?.status, r.resourceType).to.equal('generated');
      const doc = new DOMParser().parseFromString(r.text!.div, 'application/xml');
      expect(doc.querySelector('parsererror'), `${r.resourceType} narrative is well-formed XML`).to.equal(null);
      expect(doc.documentElement.namespaceURI).to.equal('http://www.w3.org/1999/xhtml');
      const tags = new Set([...doc.documentElement.querySelectorAll('*')].map((e) => e.localName));
      expect([...tags].filter((t) => !['h3', 'p', 'b', 'ul', 'li'].includes(t)), r.resourceType).to.deep.equal([]);
      expect(r.text!.div).to.not.include('<script').and.to.not.include('<img');
    }
    expect([...types].sort()).to.deep.equal(['CarePlan', 'CareTeam', 'DocumentReference', 'Encounter', 'Flag', 'Goal', 'Observation', 'Patient', 'Practitioner', 'PractitionerRole', 'Task']);
  });

  it('says the right words: the hostile text appears as text where the resource holds it', () => {
    const textOf = (r: Resource) => new DOMParser().parseFromString(r.text!.div, 'application/xml').documentElement.textContent!;
    const [enc, doc] = resources;
    expect(textOf(enc!)).to.include('Polish').and.to.include('Attended');
    expect(textOf(doc!)).to.include(hostile);
    // Every resource holding the untrusted words (all but the role and the care plan, which hold none) shows them as text.
    const [, , patient, practitioner, , , goal, task, progress, team, signPlanFhir, obs, flag, alertTask] = resources;
    for (const r of [patient, practitioner, goal, task, progress, team, obs, flag, alertTask]) expect(textOf(r!), r!.resourceType).to.include(hostile);
    expect(textOf(signPlanFhir!)).to.include(`${hostile}: Ring <b>now</b>`);
  });
});
