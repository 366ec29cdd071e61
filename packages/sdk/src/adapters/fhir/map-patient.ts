// ServiceUser ↔ Patient. NHS number under NHS England's identifier system; the STR id as a second identifier.
import type { ServiceUser } from '../../schemas/people.js';
import type { Resource } from './fhir-types.js';
import { envelopeExtensions, ext, mappingError, readEnvelope, strIdentifier } from './map-common.js';
import { NHS_NUMBER_SYSTEM, type FhirNamespace } from './systems.js';
import { withNarrative } from './narrative.js';
import { hasVisibleText } from '../../schemas/text.js';

export function serviceUserToPatient(su: ServiceUser, ns: FhirNamespace): Resource {
  return withNarrative({
    resourceType: 'Patient',
    identifier: [strIdentifier(su.id, ns), ...(su.nhsNumber ? [{ system: NHS_NUMBER_SYSTEM, value: su.nhsNumber }] : [])],
    // The name the person goes by: R4 HumanName use `usual` (UK Core Patient: the preferred name).
    name: [{ use: 'usual', text: su.displayName }],
    ...(su.birthDate && { birthDate: su.birthDate }),
    extension: [
      ...envelopeExtensions(su, ns),
      ...(su.careCoordinatorId ? [{ url: `${ns.extension}care-coordinator`, valueIdentifier: { system: ns.workerId, value: su.careCoordinatorId } }] : []),
    ],
  });
}

export function patientToServiceUser(p: Resource, ns: FhirNamespace): ServiceUser {
  if (p.resourceType !== 'Patient') throw mappingError(p, 'expected a Patient');
  const env = readEnvelope(p, ns);
  const names = p.name as { use?: string; text?: string }[] | undefined;
  const name = (names?.find((n) => n.use === 'usual') ?? names?.[0])?.text;
  if (!name) throw mappingError(p, 'it has no name text');
  // Another system's name that shows nothing (only spaces or invisible characters): say so in words (issue 13).
  if (!hasVisibleText(name)) throw mappingError(p, 'its name has no visible text');
  const nhs = p.identifier?.find((i) => i.system === NHS_NUMBER_SYSTEM)?.value;
  const coordinator = ext(p, `${ns.extension}care-coordinator`)?.valueIdentifier?.value;
  return {
    ...env,
    displayName: name,
    ...(nhs && { nhsNumber: nhs }),
    ...(typeof p.birthDate === 'string' && { birthDate: p.birthDate }),
    ...(coordinator && { careCoordinatorId: coordinator }),
  };
}
