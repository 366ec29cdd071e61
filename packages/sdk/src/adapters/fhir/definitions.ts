// The conformance resources STR Kit ships: a StructureDefinition (with snapshot) for each STR extension the mappers
// write, and a CapabilityStatement saying what STR Kit needs from a server. Built from one table below for any
// namespace, so a deployment with its own namespace gets definitions that match what it writes. docs/adr/0002.
import type { Resource } from './fhir-types.js';
import { namespaceFrom } from './systems.js';

/** A FHIR data type an extension (or one of its parts) carries. */
type ValueType = 'base64Binary' | 'boolean' | 'code' | 'Coding' | 'date' | 'dateTime' | 'decimal' | 'Identifier' | 'integer' | 'string';

interface Part {
  readonly name: string;
  readonly type: ValueType;
  readonly min: 0 | 1;
  readonly max: '1' | '*';
}

interface ExtensionRow {
  readonly name: string;
  readonly title: string;
  /** Resource types (or element paths) the mappers write it on. */
  readonly on: readonly string[];
  readonly value?: ValueType;
  readonly parts?: readonly Part[];
}

const one = (name: string, type: ValueType): Part => ({ name, type, min: 1, max: '1' });
const opt = (name: string, type: ValueType): Part => ({ name, type, min: 0, max: '1' });
const many = (name: string, type: ValueType): Part => ({ name, type, min: 0, max: '*' });

const RECORDS = ['Patient', 'Encounter', 'DocumentReference', 'CarePlan', 'Goal', 'Task', 'Flag', 'Observation', 'PractitionerRole', 'CareTeam', 'ServiceRequest'];
const RULE_PARTS = ['lateSignAtLeast', 'risePercent', 'risePoints', 'repeatRating', 'repeatChecks'] as const;

/**
 * Every STR extension the FHIR mappers write (map-*.ts), by name after the namespace's `extension:` prefix. A test
 * fails when a mapper writes an STR extension that is not here (test/fhir/definitions.test.ts).
 */
export const STR_EXTENSIONS: readonly ExtensionRow[] = [
  { name: 'record', title: 'STR record envelope', on: RECORDS, parts: [one('schemaVersion', 'integer'), one('createdAt', 'dateTime'), one('createdBy', 'string'), one('updatedAt', 'dateTime'), one('updatedBy', 'string')] },
  { name: 'entered-in-error', title: 'Marked entered in error', on: RECORDS, parts: [one('reason', 'string'), one('at', 'dateTime'), one('by', 'string')] },
  { name: 'status', title: 'STR status', on: ['CarePlan', 'Goal', 'Task', 'Flag', 'CareTeam'], value: 'code' },
  { name: 'role', title: 'Worker role', on: ['PractitionerRole'], value: 'code' },
  { name: 'care-coordinator', title: 'Care co-ordinator (STR worker id)', on: ['Patient'], value: 'Identifier' },
  { name: 'attendance', title: 'MHSDS AttendStatus', on: ['Encounter'], value: 'Coding' },
  { name: 'planned', title: 'Planned contact', on: ['Encounter'], value: 'boolean' },
  { name: 'other-present', title: 'Someone else present', on: ['Encounter'], parts: [one('kind', 'code'), opt('role', 'string')] },
  { name: 'interpreter-language', title: 'Interpreter language as entered', on: ['Encounter'], value: 'string' },
  { name: 'care-plan-task', title: 'Care plan task worked on', on: ['Encounter'], value: 'Identifier' },
  { name: 'note-ref', title: 'The contact note document', on: ['Encounter'], value: 'Identifier' },
  { name: 'next-review', title: 'Next review', on: ['CarePlan'], value: 'date' },
  { name: 'last-review', title: 'Last review', on: ['CarePlan'], value: 'date' },
  { name: 'agreed-with', title: 'Agreed with', on: ['CarePlan'], parts: [one('kind', 'code'), opt('name', 'string')] },
  { name: 'goal-order', title: 'Goal order (JSON array of STR ids)', on: ['CarePlan'], value: 'string' },
  { name: 'task-order', title: 'Task order (JSON array of STR ids)', on: ['CarePlan'], value: 'string' },
  { name: 'care-plan', title: 'Care plan (STR id)', on: ['Goal', 'Observation', 'DocumentReference'], value: 'Identifier' },
  { name: 'exact-text', title: 'Exact text, byte for byte (UTF-8, base64)', on: ['Goal'], value: 'base64Binary' },
  { name: 'goal', title: 'Goal (STR id)', on: ['Task'], value: 'Identifier' },
  { name: 'owner', title: 'Owner', on: ['Task', 'Flag'], parts: [one('kind', 'code'), opt('name', 'string'), opt('id', 'string')] },
  { name: 'repeat', title: 'Repeat', on: ['Task'], value: 'code' },
  { name: 'last-done', title: 'Last done', on: ['Task'], value: 'date' },
  { name: 'repeat-anchor', title: 'Repeat anchor', on: ['Task'], value: 'date' },
  { name: 'about', title: 'Progress note about', on: ['DocumentReference', 'Observation'], value: 'code' },
  { name: 'sign', title: 'Warning sign', on: ['CarePlan'], parts: [one('id', 'string'), one('stage', 'code'), one('text', 'base64Binary'), one('response', 'base64Binary')] },
  { name: 'crisis-contact', title: 'Crisis contact', on: ['CarePlan'], parts: [one('who', 'string'), one('how', 'base64Binary')] },
  { name: 'alert-rule', title: 'Alert rule thresholds', on: ['CarePlan'], parts: RULE_PARTS.map((p) => one(p, 'integer')) },
  { name: 'agreed-baseline', title: 'Agreed baseline', on: ['CarePlan'], parts: [one('total', 'decimal'), many('check', 'Identifier'), opt('covers-signs', 'boolean'), many('sign', 'string')] },
  { name: 'review-on', title: 'Review on', on: ['CarePlan'], value: 'date' },
  { name: 'note', title: 'Note, exact text (UTF-8, base64)', on: ['Observation.component', 'Flag'], value: 'base64Binary' },
  { name: 'plan-version', title: 'Warning-sign plan version', on: ['Observation'], value: 'string' },
  { name: 'observations', title: 'Observations, exact text (UTF-8, base64)', on: ['Observation'], value: 'base64Binary' },
  { name: 'persons-view', title: 'The person’s view, exact text (UTF-8, base64)', on: ['Observation'], value: 'base64Binary' },
  { name: 'marked-well', title: 'Marked well', on: ['Observation'], value: 'boolean' },
  { name: 'check', title: 'Sign check (STR id)', on: ['Flag'], value: 'Identifier' },
  { name: 'reason', title: 'Alert reason, exact text (UTF-8, base64)', on: ['Flag'], value: 'base64Binary' },
  { name: 'acknowledged', title: 'Acknowledged', on: ['Flag'], parts: [one('by', 'string'), one('at', 'dateTime'), one('action', 'base64Binary')] },
  { name: 'change-reason', title: 'This note is why the care team changed', on: ['CareTeam.note'], value: 'boolean' },
  // The care pathway (docs/adr/0027-care-pathway.md): also in standard elements and notes, in words.
  {
    name: 'key-contact', title: 'Key contact', on: ['CareTeam'],
    parts: [one('kind', 'code'), one('crisis', 'boolean'), opt('agreedOn', 'date'), opt('reach', 'base64Binary'), opt('replaces', 'Identifier'), opt('suggestion', 'base64Binary')],
  },
  {
    name: 'referral', title: 'Referral', on: ['ServiceRequest'],
    parts: [
      one('direction', 'code'), one('reason', 'base64Binary'), opt('referrer', 'string'), opt('acceptedOn', 'date'), opt('firstSeenOn', 'date'), opt('closedOn', 'date'),
      opt('outcome', 'code'), opt('outcomeNote', 'base64Binary'),
    ],
  },
  // Staff records (docs/adr/0025-staff-records.md): also in the document's words.
  { name: 'supervision-kind', title: 'Kind of staff supervision', on: ['DocumentReference'], value: 'code' },
  { name: 'agreed-action', title: 'Action agreed in supervision', on: ['DocumentReference'], parts: [one('text', 'base64Binary'), one('owner', 'string'), one('due', 'date')] },
  { name: 'next-due', title: 'Next supervision due', on: ['DocumentReference'], value: 'date' },
  { name: 'training-item', title: 'Training checklist item', on: ['DocumentReference'], parts: [one('id', 'string'), one('title', 'base64Binary')] },
  { name: 'evidence', title: 'Evidence of training, exact text (UTF-8, base64)', on: ['DocumentReference'], value: 'base64Binary' },
];

type Element = Record<string, unknown>;

const cap = (t: string) => t[0]!.toUpperCase() + t.slice(1);

/** The elements of one extension (or one part of a complex one), under `path` and element id `id`. */
function extensionElements(id: string, path: string, url: string, min: number, max: string, value: ValueType | undefined, sliceName?: string): Element[] {
  return [
    // The root has no type (sdf-15a); a part (slice) is an Extension.
    { id, path, ...(sliceName && { sliceName, type: [{ code: 'Extension' }] }), min, max, base: { path: sliceName ? 'Element.extension' : 'Extension', min: 0, max: '*' } },
    { id: `${id}.id`, path: `${path}.id`, min: 0, max: '1', base: { path: 'Element.id', min: 0, max: '1' }, type: [{ code: 'http://hl7.org/fhirpath/System.String' }] },
    ...(value ? [{ id: `${id}.extension`, path: `${path}.extension`, min: 0, max: '0', base: { path: 'Element.extension', min: 0, max: '*' }, type: [{ code: 'Extension' }] }] : []),
    { id: `${id}.url`, path: `${path}.url`, min: 1, max: '1', base: { path: 'Extension.url', min: 1, max: '1' }, type: [{ code: 'http://hl7.org/fhirpath/System.String' }], fixedUri: url },
    value
      ? { id: `${id}.value[x]`, path: `${path}.value[x]`, min: 1, max: '1', base: { path: 'Extension.value[x]', min: 0, max: '1' }, type: [{ code: value }] }
      : { id: `${id}.value[x]`, path: `${path}.value[x]`, min: 0, max: '0', base: { path: 'Extension.value[x]', min: 0, max: '1' } },
  ];
}

function structureDefinition(row: ExtensionRow, prefix: string): Resource {
  const url = `${prefix}${row.name}`;
  let elements: Element[];
  if (row.parts) {
    const [root, id, urlEl, valueEl] = extensionElements('Extension', 'Extension', url, 0, '*', undefined);
    const slices = row.parts.flatMap((p) => extensionElements(`Extension.extension:${p.name}`, 'Extension.extension', p.name, p.min, p.max, p.type, p.name));
    const sliced = {
      id: 'Extension.extension', path: 'Extension.extension', min: row.parts.filter((p) => p.min > 0).length, max: '*',
      base: { path: 'Element.extension', min: 0, max: '*' }, type: [{ code: 'Extension' }],
      slicing: { discriminator: [{ type: 'value', path: 'url' }], ordered: false, rules: 'closed' },
    };
    elements = [root!, id!, sliced, ...slices, urlEl!, valueEl!];
  } else {
    elements = extensionElements('Extension', 'Extension', url, 0, '*', row.value);
  }
  const DEFINITIONS: Record<string, string> = { id: 'Unique id for inter-element referencing.', url: 'Identifies the meaning of the extension.', 'value[x]': 'Value of extension.', extension: 'Parts of the extension.' };
  elements = elements.map((e) => {
    const last = String(e['id']).split('.').pop()!;
    const definition = DEFINITIONS[last] ?? (e['sliceName'] ? `Part ${String(e['sliceName'])} of ${row.title}.` : `${row.title}.`);
    return { ...e, short: definition.slice(0, -1), definition };
  });
  return {
    resourceType: 'StructureDefinition',
    id: `strkit-${row.name}`,
    url,
    name: row.name.split('-').map(cap).join(''),
    title: row.title,
    status: 'active',
    fhirVersion: '4.0.1',
    kind: 'complex-type',
    abstract: false,
    context: row.on.map((expression) => ({ type: 'element', expression })),
    type: 'Extension',
    baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Extension',
    derivation: 'constraint',
    snapshot: { element: elements },
    differential: { element: elements.filter((e) => !String(e['path']).endsWith('.id')) },
  } as Resource;
}

/**
 * The StructureDefinitions (with snapshots) of every STR extension, for a namespace (default `urn:strkit`, so URLs
 * `urn:strkit:extension:<name>`). Load them into a record system's validator or server with
 * `scripts/fhir-definitions.mjs`.
 */
export function strExtensionDefinitions(namespace?: string): Resource[] {
  const ns = namespaceFrom(namespace);
  return STR_EXTENSIONS.map((row) => structureDefinition(row, ns.extension));
}

const PATIENT_LINKED = ['Encounter', 'DocumentReference', 'CarePlan', 'Goal', 'Task', 'Flag', 'Observation', 'CareTeam', 'ServiceRequest'];
const ALL_TYPES = ['Patient', ...PATIENT_LINKED, 'Practitioner', 'PractitionerRole'];

const param = (name: string, type: string) => ({ name, type });

/**
 * What STR Kit needs from a FHIR R4 server (kind `requirements`): per resource type read, vread, search, history,
 * conditional create (`If-None-Exist: identifier=…`) and version-aware update (`If-Match`), and the search parameters
 * `fhirStore` sends. No delete: nothing is deleted (entered-in-error).
 */
export function strCapabilityStatement(): Resource {
  return {
    resourceType: 'CapabilityStatement',
    id: 'strkit-client',
    url: 'urn:strkit:CapabilityStatement:client',
    name: 'StrKitClientRequirements',
    title: 'What STR Kit needs from a FHIR R4 server',
    description: 'The interactions and search parameters the @strkit/sdk FHIR store uses, per resource type.',
    status: 'active',
    date: '2026-11-27',
    kind: 'requirements',
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        documentation: 'Used by @strkit/sdk fhirStore. Creates are conditional on the STR identifier; updates carry If-Match with the version read. Search results are followed through next links on the same origin. Token and reference searches may carry OR lists (identifier=a,b; subject=Patient/a,Patient/b).',
        // Batch pushes (issue 16) and the caseload's searches (issue 21); without it, one request at a time.
        interaction: [{ code: 'batch', documentation: 'Optional: creates, If-Match updates and searches, entries independent of each other.' }],
        resource: ALL_TYPES.map((type) => ({
          type,
          interaction: ['read', 'vread', 'search-type', 'history-instance', 'create', 'update'].map((code) => ({ code })),
          versioning: 'versioned-update',
          readHistory: true,
          updateCreate: false,
          conditionalCreate: true,
          conditionalUpdate: false,
          conditionalDelete: 'not-supported',
          searchParam: [
            param('identifier', 'token'),
            ...(PATIENT_LINKED.includes(type) ? [param('subject', 'reference')] : []),
            ...(type === 'Encounter' ? [param('date', 'date')] : []),
            ...(type === 'DocumentReference' ? [param('encounter', 'reference'), param('type', 'token')] : []),
          ],
        })),
      },
    ],
  } as Resource;
}
