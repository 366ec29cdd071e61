// Pieces every mapper shares: the record envelope as an extension, entered-in-error, identifiers, text encoding.
import { StrError, isStrError } from '../../errors.js';
import type { EnteredInError } from '../../schemas/envelope.js';
import type { Extension, Identifier, Resource } from './fhir-types.js';
import type { FhirNamespace } from './systems.js';

export interface EnvelopeFields {
  id: string;
  version: string;
  schemaVersion: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  enteredInError?: EnteredInError;
}

export const mappingError = (resource: Resource | undefined, what: string) =>
  new StrError('mapping', `${resource?.resourceType ?? 'Resource'}${resource?.id ? `/${resource.id}` : ''} is not an STR Kit record: ${what}`, false, {
    ...(resource?.resourceType && { type: resource.resourceType }),
    ...(resource?.id && { id: resource.id }),
  });

export const ext = (resource: { extension?: Extension[] } | undefined, url: string) => resource?.extension?.find((e) => e.url === url);
export const exts = (resource: { extension?: Extension[] } | undefined, url: string) => resource?.extension?.filter((e) => e.url === url) ?? [];

export function envelopeExtensions(r: EnvelopeFields, ns: FhirNamespace): Extension[] {
  const out: Extension[] = [
    {
      url: `${ns.extension}record`,
      extension: [
        { url: 'schemaVersion', valueInteger: r.schemaVersion },
        { url: 'createdAt', valueDateTime: r.createdAt },
        { url: 'createdBy', valueString: r.createdBy },
        { url: 'updatedAt', valueDateTime: r.updatedAt },
        { url: 'updatedBy', valueString: r.updatedBy },
      ],
    },
  ];
  if (r.enteredInError) {
    out.push({
      url: `${ns.extension}entered-in-error`,
      extension: [
        { url: 'reason', valueString: r.enteredInError.reason },
        { url: 'at', valueDateTime: r.enteredInError.at },
        { url: 'by', valueString: r.enteredInError.by },
      ],
    });
  }
  return out;
}

/** The STR id of a resource (its identifier in our system), or undefined for a resource made outside STR Kit. */
export function strIdOf(resource: Resource, ns: FhirNamespace): string | undefined {
  return resource.identifier?.find((i) => i.system === ns.id)?.value;
}

export const strIdentifier = (id: string, ns: FhirNamespace): Identifier => ({ system: ns.id, value: id });

export function readEnvelope(resource: Resource, ns: FhirNamespace): EnvelopeFields {
  const id = strIdOf(resource, ns);
  if (!id) throw mappingError(resource, 'it has no STR Kit identifier');
  const env = ext(resource, `${ns.extension}record`);
  const part = (url: string) => env?.extension?.find((e) => e.url === url);
  const schemaVersion = part('schemaVersion')?.valueInteger;
  const createdAt = part('createdAt')?.valueDateTime;
  const createdBy = part('createdBy')?.valueString;
  const updatedAt = part('updatedAt')?.valueDateTime;
  const updatedBy = part('updatedBy')?.valueString;
  if (schemaVersion === undefined || !createdAt || !createdBy || !updatedAt || !updatedBy) throw mappingError(resource, 'its record extension is incomplete');
  const version = resource.meta?.versionId;
  if (!version) throw mappingError(resource, 'the server gave it no version id');
  return { id, version, schemaVersion, createdAt, createdBy, updatedAt, updatedBy, ...enteredInErrorOf(resource, ns) };
}

/** The entered-in-error mark of a resource, as the envelope field, or nothing when it is not marked. */
function enteredInErrorOf(resource: Resource, ns: FhirNamespace): Pick<EnvelopeFields, 'enteredInError'> {
  const eie = ext(resource, `${ns.extension}entered-in-error`);
  if (!eie) return {};
  const part = (url: string) => eie.extension?.find((e) => e.url === url);
  return { enteredInError: { reason: part('reason')?.valueString ?? '', at: part('at')?.valueDateTime ?? '', by: part('by')?.valueString ?? '' } };
}

/** UTF-8 → base64 (FHIR base64Binary), for any Unicode text. */
export function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(data: string): string {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** A short, stable digest of a text (cyrb53): ties an Encounter to the exact note document it was saved with. */
export function digest(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36) + `-${text.length.toString(36)}`;
}

/** A reference to the person: the server's Patient and, beside it, the STR id (so a record maps back without a read). */
export const subjectOf = (serviceUserId: string, patientReference: string, ns: FhirNamespace) => ({ reference: patientReference, identifier: strIdentifier(serviceUserId, ns) });

/** A reference to a worker by the id the host signs them in with. */
export const workerRef = (id: string, ns: FhirNamespace) => ({ identifier: { system: ns.workerId, value: id } });

/** The STR person id in a reference element (`subject`, `for`), or a mapping error. */
export function subjectId(r: Resource, element: string, ns: FhirNamespace): string {
  const id = (r[element] as { identifier?: Identifier } | undefined)?.identifier;
  if (id?.system !== ns.id || !id.value) throw mappingError(r, `its ${element} has no STR Kit person identifier`);
  return id.value;
}

/** Exact text kept as base64 (UTF-8), which the record needs: a mapping error when it is missing or not UTF-8. */
export function base64Text(r: Resource, value: string | undefined, what: string): string {
  try {
    return fromBase64(need(value, r, what));
  } catch (e) {
    if (isStrError(e)) throw e;
    throw mappingError(r, `its ${what} is not UTF-8`);
  }
}

/** A value a record needs, or a mapping error naming what is missing. */
export const need = <V>(value: V | undefined, r: Resource, what: string): V => {
  if (value === undefined || value === null || value === '') throw mappingError(r, `it has no ${what}`);
  return value;
};
