import { isValidConceptId } from '../../codes/snomed.js';
import { StrError } from '../../errors.js';
import type { Coding } from './fhir-types.js';

// Identifier, code and extension systems the FHIR mapping uses. Choices and sources: docs/adr/0002-fhir-mapping.md.

/** NHS number identifier system (NHS England; UK Core Patient). */
export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';

/**
 * UK Core EncounterLocationTypeEngland code system, which holds the MHSDS ActLocTypeCode codes. [V]
 * Source: docs/reference/mhsds-fhir.md; HL7 UK Core STU2 (UKCore-EncounterLocationType value set).
 */
export const UKCORE_LOCATION_TYPE_SYSTEM = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-EncounterLocationTypeEngland';

/** HL7 v3 ActCode, the code system bound to Encounter.class in R4. */
export const V3_ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

/** UCUM, for Encounter.length. */
export const UCUM = 'http://unitsofmeasure.org';

/** UK Core HumanLanguage (interpreter language). Displays: ukcore.ts. */
export const UKCORE_HUMAN_LANGUAGE_SYSTEM = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-HumanLanguage';

/** UK Core SDS job role names (PractitionerRole.code, UKCore-PractitionerRoleCode). Displays: ukcore.ts. */
export const UKCORE_SDS_JOB_ROLE_SYSTEM = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-SDSJobRoleName';

/** HL7 v3 ParticipationType, the code system of Encounter.participant.type in R4. */
export const V3_PARTICIPATION_TYPE = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';

export const SNOMED_SYSTEM = 'http://snomed.info/sct';

/**
 * Every SNOMED CT concept STR Kit writes, with the display the source gives. Source: docs/reference/mhsds-fhir.md
 * ("SNOMED (Verhoeff-checked)"), whose codes come from UK Core's UKCore-EncounterType (descendants of 185316007,
 * 308467007, 185201007) and UKCore-CareSettingType (refset 1127531000000102) value sets. No verified code fits a
 * face-to-face contact elsewhere, so none is written for it (never a guess). Listed in docs/adr/0002-fhir-mapping.md.
 */
export const SNOMED = {
  telephoneEncounter: { code: '185317003', display: 'Telephone encounter' },
  videoEncounter: { code: '307321000000107', display: 'Video-link encounter' },
  seenInOwnHome: { code: '270420001', display: 'Seen in own home' },
  seenInMentalHealthClinic: { code: '431957001', display: 'Seen in mental health clinic' },
  indirectEncounter: { code: '185316007', display: 'Indirect encounter' },
  communityMentalHealthTeam: { code: '89301000000108', display: 'Community mental health team' },
} as const;

/**
 * A SNOMED CT coding, refused unless the id is a concept id with a valid Verhoeff check digit: NHS Digital's own code
 * once shipped a typo (mhsds-fhir.md), and a mistyped code must never reach a record system.
 */
export function snomedCoding(concept: { readonly code: string; readonly display: string }): Coding {
  if (!isValidConceptId(concept.code)) {
    throw new StrError('validation', `SNOMED CT code ${String(concept.code)} is not a valid concept id (Verhoeff check)`, false, {
      issues: [{ path: 'code', code: 'invalid', message: 'Use a SNOMED CT concept id whose check digit is valid' }],
    });
  }
  return { system: SNOMED_SYSTEM, code: concept.code, display: concept.display };
}

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
  /** The care pathway: a key contact's CareTeam category, a crisis contact's role, a referral's category. */
  readonly pathwayKind: string;
  /** Identifier system of the companion resources written beside a record (an alert's Task, a worker's PractitionerRole). */
  readonly companionId: string;
  /** STR Kit roles (DESIGN.md role table) as a code system. */
  readonly role: string;
  /** Prefix of extension URLs. */
  readonly extension: string;
  /** The team's care setting (SNOMED CT, UKCore-CareSettingType) written as `Encounter.serviceType`. */
  readonly careSetting: Coding;
}

export interface MappingOptions {
  /** The care setting of the team (UKCore-CareSettingType); default 89301000000108 Community mental health team. */
  readonly careSetting?: { readonly code: string; readonly display: string };
}

/** The team's care setting as a verified SNOMED CT coding; anything unusable is a validation error, never a crash. */
function careSettingOf(options: MappingOptions): Coding {
  const bad = () =>
    new StrError('validation', 'The care setting must be a SNOMED CT concept { code, display }', false, {
      issues: [{ path: 'careSetting', code: 'invalid', message: 'Pass { code, display } with a SNOMED CT concept id' }],
    });
  let concept: unknown;
  try {
    concept = options?.careSetting ?? SNOMED.communityMentalHealthTeam;
  } catch {
    throw bad();
  }
  if (typeof concept !== 'object' || concept === null) throw bad();
  const { code, display } = concept as { code?: unknown; display?: unknown };
  if (typeof code !== 'string' || typeof display !== 'string') throw bad();
  return snomedCoding({ code, display });
}

export function namespaceFrom(base: string = 'urn:strkit', options: MappingOptions = {}): FhirNamespace {
  if (typeof base !== 'string' || !/^[a-z][a-z0-9+.-]*:[^\s|]+$/i.test(base) || base.length > 200) {
    throw new StrError('validation', 'The FHIR namespace must be an absolute URI without spaces or "|"', false, {
      issues: [{ path: 'namespace', code: 'invalid', message: 'Pass an absolute URI such as urn:strkit or https://fhir.example.org/strkit' }],
    });
  }
  const careSetting = careSettingOf(options);
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
    pathwayKind: `${base}:pathway-kind`,
    companionId: `${base}:companion-id`,
    role: `${base}:role`,
    extension: `${base}:extension:`,
    careSetting,
  };
}
