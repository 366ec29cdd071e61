// The mappers as hosts may call them: pure functions that fail only with StrError('mapping'), whatever they are given.
import { StrError, isStrError } from '../../errors.js';
import * as contact from './map-contact.js';
import * as patient from './map-patient.js';

function guarded<A extends unknown[], R>(name: string, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (e) {
      if (isStrError(e)) throw e;
      throw new StrError('mapping', `${name}: the input is not a record or resource it can map`, false, {}, { cause: e });
    }
  };
}

export const serviceUserToPatient = guarded('serviceUserToPatient', patient.serviceUserToPatient);
export const patientToServiceUser = guarded('patientToServiceUser', patient.patientToServiceUser);
export const contactToEncounter = guarded('contactToEncounter', contact.contactToEncounter);
export const encounterToContact = guarded('encounterToContact', contact.encounterToContact);
export const noteToDocumentReference = guarded('noteToDocumentReference', contact.noteToDocumentReference);
export const documentReferenceNote = guarded('documentReferenceNote', contact.documentReferenceNote);
