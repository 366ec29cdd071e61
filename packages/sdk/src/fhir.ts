// @strkit/sdk/fhir — the FHIR R4 store, the public mappers and the definitions a server publishes (ADR 0002).
export { fhirStore, type FhirStoreOptions } from './adapters/fhir/fhir-store.js';
export { namespaceFrom, NHS_NUMBER_SYSTEM, UKCORE_LOCATION_TYPE_SYSTEM, type FhirNamespace } from './adapters/fhir/systems.js';
export { serviceUserToPatient, patientToServiceUser, contactToEncounter, encounterToContact, noteToDocumentReference, documentReferenceNote } from './adapters/fhir/public.js';
export type { GetToken } from './adapters/fhir/http.js';
export { strCapabilityStatement, strExtensionDefinitions } from './adapters/fhir/definitions.js';
export { fhirDeviceCheckpoints, type FhirDeviceCheckpointsOptions } from './adapters/fhir/fhir-checkpoints.js';
export { UKCORE_RELATIONSHIP_ROLES } from './adapters/fhir/ukcore.js';
export { UKCORE_RELATIONSHIP_SYSTEM } from './adapters/fhir/map-pathway.js';
