// The generated narrative (`Resource.text`) on every resource STR Kit writes, so an EPR that shows narrative shows the
// right words (issue 13). Built only from the resource's own standard elements, so it says exactly what they say, and
// only with escaping: every value is text, never markup. STR Kit never reads or renders `text` (DESIGN.md).
import type { Resource } from './fhir-types.js';
import { fromBase64 } from './map-common.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** XHTML-escapes a text; the only way a value reaches the narrative. */
export const escapeXhtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

type Row = readonly [label: string, value: string | number | undefined];
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- resource shapes vary by type
const texts = (list: Loose[] | undefined, pick: (x: Loose) => unknown) => (list ?? []).map(pick).filter((v): v is string => typeof v === 'string' && v !== '');
const joined = (list: string[]) => (list.length ? list.join('; ') : undefined);

function attachmentText(r: Loose): string | undefined {
  const data = r.content?.[0]?.attachment?.data;
  if (typeof data !== 'string') return undefined;
  try {
    return fromBase64(data);
  } catch {
    return undefined;
  }
}

/** What each resource type shows: a heading and rows, from standard elements only. */
const SUMMARY: Record<string, (r: Loose) => { title: string; rows: Row[]; items?: string[] }> = {
  Patient: (r) => ({ title: 'Person', rows: [['Name', r.name?.[0]?.text], ['NHS number', texts(r.identifier, (i) => (i.system === 'https://fhir.nhs.uk/Id/nhs-number' ? i.value : undefined))[0]], ['Date of birth', r.birthDate]] }),
  Practitioner: (r) => ({ title: 'Worker', rows: [['Name', r.name?.[0]?.text]] }),
  PractitionerRole: (r) => ({ title: 'Worker’s role', rows: [['Role', joined(texts(r.code, (c) => c.text))]] }),
  Encounter: (r) => ({
    title: 'Contact',
    rows: [
      ['When', r.period?.start], ['Status', r.status], ['Contact', joined(texts(r.type, (t) => t.text))], ['Where', r.location?.[0]?.physicalType?.text ?? r.location?.[0]?.physicalType?.coding?.[0]?.display],
      ['Duration', r.length ? `${r.length.value} minutes` : undefined], ['Care setting', r.serviceType?.text], ['Interpreter', joined(texts(r.contained, (c) => c.communication?.[0]?.text))],
    ],
  }),
  DocumentReference: (r) => ({ title: r.type?.text ?? 'Document', rows: [['Status', r.status], ['Date', r.date], ['Text', attachmentText(r)]] }),
  CarePlan: (r) => ({
    title: r.title ?? 'Care plan',
    rows: [['Status', r.status], ['Agreed on', r.period?.start], ['Summary', r.description], ['Goals', r.goal?.length], ['Tasks', r.activity?.filter((a: Loose) => a.reference).length || undefined]],
    items: [
      ...texts(r.activity, (a) => (a.detail ? `${a.detail.reasonCode?.[0]?.text ?? ''} (${a.detail.code?.text ?? ''}): ${a.detail.description ?? ''}` : undefined)),
      ...texts(r.note, (n) => n.text),
    ],
  }),
  Goal: (r) => ({ title: 'Goal', rows: [['Goal', r.description?.text], ['Status', r.lifecycleStatus], ['Target date', r.target?.[0]?.dueDate]] }),
  Task: (r) => ({
    title: r.code?.text ?? 'Task',
    rows: [['Task', r.description], ['Status', r.businessStatus?.text ?? r.status], ['Priority', r.priority], ['Due', r.restriction?.period?.end], ['Owner', r.owner?.display], ['Done', r.output?.[0]?.valueString]],
  }),
  CareTeam: (r) => ({
    title: r.category?.[0]?.text ?? 'Care team',
    rows: [
      ['Team', r.name], ['Status', r.status], ['Members', r.participant?.length],
      ['Phone', joined(texts(r.contained, (c) => c.telecom?.find((t: Loose) => t.system === 'phone')?.value))], ['Email', joined(texts(r.contained, (c) => c.telecom?.find((t: Loose) => t.system === 'email')?.value))],
    ],
    items: texts(r.note, (n) => n.text),
  }),
  ServiceRequest: (r) => ({ title: r.code?.text ?? 'Referral', rows: [['Status', r.status], ['Sent', r.authoredOn], ['Reason', joined(texts(r.reasonCode, (c) => c.text))]], items: texts(r.note, (n) => n.text) }),
  Observation: (r) => ({
    title: r.code?.text ?? 'Observation',
    rows: [['When', r.effectiveDateTime], ['Status', r.status]],
    items: [
      ...texts(r.component, (c) => `${c.code?.text ?? c.code?.coding?.[0]?.code ?? ''}: ${c.valueInteger ?? c.valueCodeableConcept?.text ?? c.dataAbsentReason?.coding?.[0]?.display ?? ''}${c.interpretation?.[0]?.text ? ` (${c.interpretation[0].text})` : ''}`),
      ...texts(r.note, (n) => n.text),
    ],
  }),
  Flag: (r) => ({ title: 'Early warning signs alert', rows: [['Reason', r.code?.text], ['Status', r.status], ['Raised', r.period?.start], ['Dealt with', r.period?.end]] }),
};

/** The resource with a generated narrative (`text.status = generated`) summarising its standard elements. */
export function withNarrative<R extends Resource>(resource: R): R {
  const summary = SUMMARY[resource.resourceType]?.(resource);
  if (!summary) return resource;
  const rows = summary.rows.filter(([, v]) => v !== undefined && v !== '').map(([label, v]) => `<p><b>${escapeXhtml(label)}</b>: ${escapeXhtml(String(v))}</p>`);
  const items = summary.items?.length ? `<ul>${summary.items.map((i) => `<li>${escapeXhtml(i)}</li>`).join('')}</ul>` : '';
  return { ...resource, text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml"><h3>${escapeXhtml(summary.title)}</h3>${rows.join('')}${items}</div>` } };
}
