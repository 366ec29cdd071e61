import { StrError } from '../../errors.js';

// Identifier, code and extension systems the FHIR mapping uses. Choices and sources: docs/adr/0002-fhir-mapping.md.

/** NHS number identifier system (NHS England; UK Core Patient). */
export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';

/**
 * UK Core EncounterLocationTypeEngland code system, which holds the MHSDS ActLocTypeCode codes. [V]
 * Source: shared/reference/mhsds-fhir.md; HL7 UK Core STU2 (UKCore-EncounterLocationType value set).
 */
export const UKCORE_LOCATION_TYPE_SYSTEM = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-EncounterLocationTypeEngland';

/** HL7 v3 ActCode, the code system bound to Encounter.class in R4. */
export const V3_ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

/** UCUM, for Encounter.length. */
export const UCUM = 'http://unitsofmeasure.org';

/**
 * Everything STR Kit defines itself lives under one namespace (configurable per deployment). MHSDS has no FHIR code
 * system for ConsMechanismMH or AttendStatus and UK Core no extension for them (reference file), so they are carried
 * as codings in our namespace, beside the standard elements.
 */
export interface FhirNamespace {
  /** Identifier system for STR Kit record ids. */
  readonly id: string;
  /** Identifier system for the note documents (DocumentReference) of a contact. */
  readonly noteId: string;
  /** Identifier system for worker ids given by the host. */
  readonly workerId: string;
  readonly consMechanism: string;
  readonly attendStatus: string;
  /** STR Kit's own code systems: the kind of care plan, life areas, task statuses (NHS task-list words), document kinds. */
  readonly planKind: string;
  readonly lifeArea: string;
  readonly taskStatus: string;
  readonly documentKind: string;
  /** Relapse signs: the kind of observation, sign ids, functioning areas and levels, the kind of alert. */
  readonly observationKind: string;
  readonly signId: string;
  readonly functioningArea: string;
  readonly functioningLevel: string;
  readonly alertKind: string;
  /** Identifier system of the companion resources written beside a record (an alert's Task, a worker's PractitionerRole). */
  readonly companionId: string;
  /** STR Kit roles (DESIGN.md role table) as a code system. */
  readonly role: string;
  /** Prefix of extension URLs. */
  readonly extension: string;
}

export function namespaceFrom(base: string = 'urn:strkit'): FhirNamespace {
  if (typeof base !== 'string' || !/^[a-z][a-z0-9+.-]*:[^\s|]+$/i.test(base) || base.length > 200) {
    throw new StrError('validation', 'The FHIR namespace must be an absolute URI without spaces or "|"', false, {
      issues: [{ path: 'namespace', code: 'invalid', message: 'Pass an absolute URI such as urn:strkit or https://fhir.example.org/strkit' }],
    });
  }
  return {
    id: `${base}:id`,
    noteId: `${base}:note-id`,
    workerId: `${base}:worker-id`,
    consMechanism: `${base}:mhsds:ConsMechanismMH`,
    attendStatus: `${base}:mhsds:AttendStatus`,
    planKind: `${base}:care-plan-kind`,
    lifeArea: `${base}:life-area`,
    taskStatus: `${base}:task-status`,
    documentKind: `${base}:document-kind`,
    observationKind: `${base}:observation-kind`,
    signId: `${base}:sign-id`,
    functioningArea: `${base}:functioning-area`,
    functioningLevel: `${base}:functioning-level`,
    alertKind: `${base}:alert-kind`,
    companionId: `${base}:companion-id`,
    role: `${base}:role`,
    extension: `${base}:extension:`,
  };
}
