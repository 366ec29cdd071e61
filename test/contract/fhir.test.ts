import { fhirStore, type Store } from '@strkit/sdk';
import { OTHER_PERSON_ID, PERSON_ID, validServiceUser } from '../helpers/fixtures.js';
import { fhirBaseUrl, resetEngine } from '../fhir/engine.js';
import { storeContract } from './store-contract.js';

// The FHIR store over HTTP against a real engine (Medplum's router) on 127.0.0.1. Contacts reference people, so
// each fresh store starts with the two test people as Patients.
storeContract('fhirStore (FHIR R4 engine over HTTP)', {
  make: async (): Promise<Store> => {
    await resetEngine();
    const store = fhirStore({ baseUrl: await fhirBaseUrl() });
    await store.put('serviceUser', validServiceUser({ id: PERSON_ID }));
    await store.put('serviceUser', validServiceUser({ id: OTHER_PERSON_ID, displayName: 'Bo Testperson', nhsNumber: '9990000026' }));
    return store;
  },
  reopen: async () => fhirStore({ baseUrl: await fhirBaseUrl() }),
});
