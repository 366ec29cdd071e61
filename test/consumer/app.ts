// A host app as a vendor writes it, importing only published entry points. scripts/consumer.mjs bundles it with
// esbuild from the `npm pack` tarballs and runs it in Chromium under the strict CSP and Trusted Types of
// scripts/serve.mjs. It reports on <html data-consumer>: "ready" once every check below passed, else the failure.
import { createClient, memoryStore, type StrClient } from '@strkit/sdk';
import { isValidNhsNumber } from '@strkit/sdk/codes';
import { indexedDbStore } from '@strkit/sdk/indexeddb';
import * as z from 'zod/mini';
import '@strkit/components/define/str-provider.js';
import '@strkit/components/define/str-contact-log.js';
import '@strkit/components/define/str-care-plan.js';
import '@strkit/components/define/str-relapse-signs.js';

const report = (state: string) => {
  document.documentElement.dataset.consumer = state;
};

async function rendered(tag: 'str-contact-log' | 'str-care-plan' | 'str-relapse-signs', client: StrClient, serviceUserId: string) {
  const el = document.createElement(tag);
  el.setAttribute('service-user-id', serviceUserId);
  document.querySelector('str-provider')!.append(el);
  el.client = client;
  await el.updateComplete;
  if (!el.shadowRoot?.childElementCount) throw new Error(`${tag} rendered nothing`);
}

async function main() {
  // 999 000 0018: a synthetic NHS number from the test range, valid modulus 11.
  if (!isValidNhsNumber('9990000018') || isValidNhsNumber('9990000019')) throw new Error('isValidNhsNumber');
  const actor = { id: 'consumer-lead', role: 'team-lead' as const };
  const client = createClient({ store: memoryStore(), actor });
  const person = await client.serviceUsers.create({ displayName: 'Consumer Test Person' });
  // The host's zod (one configuration on globalThis for every copy) as the SDK found it: nothing set.
  if (Object.keys(z.config()).length) throw new Error(`the SDK changed the host's zod: ${JSON.stringify(z.config())}`);
  for (const tag of ['str-contact-log', 'str-care-plan', 'str-relapse-signs'] as const) await rendered(tag, client, person.id);
  // The care plan's forms are a chunk of their own (issue 19): fetched and run under the CSP, a form opens.
  const plan = document.querySelector('str-care-plan')!;
  plan.shadowRoot!.querySelector<HTMLButtonElement>('#plan-start')!.click();
  await plan.updateComplete;
  if (!plan.shadowRoot!.querySelector('form.editor')) throw new Error('the care plan’s forms did not open');

  const name = `strkit-consumer-${crypto.randomUUID()}`;
  const onDevice = createClient({ store: indexedDbStore({ name, persist: false }), actor });
  const stored = await onDevice.serviceUsers.create({ displayName: 'Consumer Test Person Two' });
  if ((await onDevice.serviceUsers.get(stored.id))?.displayName !== 'Consumer Test Person Two') throw new Error('indexedDbStore');

  // The FHIR entry point loads on demand and maps under the same policy.
  const fhir = await import('@strkit/sdk/fhir');
  if (fhir.serviceUserToPatient(stored, fhir.namespaceFrom()).resourceType !== 'Patient') throw new Error('@strkit/sdk/fhir');
  report('ready');
}

main().catch((e: unknown) => report(`failed: ${e instanceof Error ? `${e.name} ${e.message}` : String(e)}`));
