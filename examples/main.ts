// The example EPR host page, written as a vendor would: create a client on the embedded default store (IndexedDB),
// hand it to <str-provider>, and let the widgets do the rest (the worker's app: app.ts). A service worker keeps the
// app shell on the device, so the page opens with no network at all; the records are in IndexedDB already.
import { createClient, fhirStore, indexedDbDrafts, indexedDbStore, syncedStore, type StrClient } from '@strkit/sdk';
import { mountApp, type DemoWorker } from './app.js';
import { DEMO_WORKERS, EXAMPLE_CHECKLIST, seed } from './seed.js';
import { registerOffline } from './offline.js';

// `?store=fhir` (npm run start:fhir): records go to the FHIR R4 engine behind /fhir/R4 on this origin.
// `?store=fhir&offline=1`: offline first: records land in IndexedDB and sync to the engine.
const params = new URLSearchParams(location.search);
const onFhir = params.get('store') === 'fhir';
const offlineFirst = onFhir && params.get('offline') === '1';
const remote = onFhir ? fhirStore({ baseUrl: new URL('/fhir/R4', location.origin).href }) : undefined;
const store = offlineFirst ? syncedStore({ local: indexedDbStore({ name: 'strkit-demo-offline' }), remote: remote! }) : (remote ?? indexedDbStore({ name: 'strkit-demo' }));
const drafts = indexedDbDrafts({ name: 'strkit-demo-drafts' });

const clientFor = (w: DemoWorker, clock?: { now: () => Date }): StrClient =>
  createClient({ store, drafts, actor: { id: w.id, role: w.role, name: w.name }, ...(clock && { clock }) });
const coordinator = DEMO_WORKERS.find((w) => w.role === 'care-coordinator')!;
const teamLead = DEMO_WORKERS.find((w) => w.role === 'team-lead')!;

async function main() {
  const now = new Date();
  if (offlineFirst) {
    // Seed the engine once, then bring each person's records to the device. With no network (the app opened from the
    // service worker's copy), the device's records are all there is: the app opens on them.
    try {
      const on = (w: DemoWorker) => createClient({ store: remote!, drafts, actor: { id: w.id, role: w.role } });
      await seed(on(coordinator), now, undefined, on(teamLead));
      const people = await remote!.list('serviceUser', { limit: 100 });
      for (const p of people.items) await (store as ReturnType<typeof syncedStore>).sync.pull(p.id).catch(() => undefined);
    } catch {
      // offline: nothing to fetch now; changes wait on the device and go when the network is back
    }
  } else {
    // The co-ordinator acting in the past dates the sign checks a week apart, so the trend shows history.
    await seed(clientFor(coordinator), now, (at) => clientFor(coordinator, { now: () => at }), clientFor(teamLead));
  }
  const where = offlineFirst ? 'Records in this browser, synced to the FHIR R4 engine.' : onFhir ? 'Records in the FHIR R4 engine.' : 'Records in this browser (IndexedDB).';
  mountApp(document.querySelector<HTMLElement>('#app')!, { workers: DEMO_WORKERS, clientFor: (w) => clientFor(w), where, checklist: EXAMPLE_CHECKLIST });
  document.body.dataset.ready = 'true';
  await registerOffline();
}

main().catch((e: unknown) => {
  const code = (e as { code?: string })?.code ?? 'unknown';
  document.querySelector<HTMLElement>('#status')!.textContent = `The demo could not start (${code}). Reload the page to try again.`;
});
