// The small part of FHIR R4 the adapter reads and writes. Shapes from hl7.org/fhir/R4; unknown fields are kept loose.
export interface Coding { system?: string; code?: string; display?: string }
export interface CodeableConcept { coding?: Coding[]; text?: string }
export interface Identifier { system?: string; value?: string }
export interface Reference { reference?: string; identifier?: Identifier; display?: string }
export interface Extension {
  url: string;
  extension?: Extension[];
  valueString?: string;
  valueInteger?: number;
  valueBoolean?: boolean;
  valueDateTime?: string;
  valueDate?: string;
  valueDecimal?: number;
  valueBase64Binary?: string;
  valueCode?: string;
  valueCoding?: Coding;
  valueIdentifier?: Identifier;
}
export interface Meta { versionId?: string; lastUpdated?: string; security?: { system?: string; code?: string; display?: string }[] }
export interface Resource {
  resourceType: string;
  id?: string;
  meta?: Meta;
  text?: { status: string; div: string };
  extension?: Extension[];
  identifier?: Identifier[];
  [key: string]: unknown;
}
export interface BundleLink { relation: string; url: string }
export interface Bundle extends Resource {
  resourceType: 'Bundle';
  type: string;
  link?: BundleLink[];
  entry?: { resource?: Resource; fullUrl?: string }[];
}
export interface OperationOutcome extends Resource {
  resourceType: 'OperationOutcome';
  issue?: { severity?: string; code?: string; diagnostics?: string; details?: { text?: string } }[];
}
