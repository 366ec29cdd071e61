// The mappers as hosts may call them: pure functions that fail only with StrError('mapping'), whatever they are given.
import { guarded } from '../../errors.js';
import * as contact from './map-contact.js';
import * as patient from './map-patient.js';

export const serviceUserToPatient = /* @__PURE__ */ guarded('serviceUserToPatient', 'mapping', patient.serviceUserToPatient);
export const patientToServiceUser = /* @__PURE__ */ guarded('patientToServiceUser', 'mapping', patient.patientToServiceUser);
export const contactToEncounter = /* @__PURE__ */ guarded('contactToEncounter', 'mapping', contact.contactToEncounter);
export const encounterToContact = /* @__PURE__ */ guarded('encounterToContact', 'mapping', contact.encounterToContact);
export const noteToDocumentReference = /* @__PURE__ */ guarded('noteToDocumentReference', 'mapping', contact.noteToDocumentReference);
export const documentReferenceNote = /* @__PURE__ */ guarded('documentReferenceNote', 'mapping', contact.documentReferenceNote);
