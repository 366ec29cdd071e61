// The example EPR host page, written as a vendor would: create a client on the embedded default store
// (IndexedDB), hand it to <str-provider>, and let the widgets do the rest. Plain DOM, text only, no HTML strings.
import {
  createClient,
  fhirStore,
  formatNhsNumber,
  indexedDbDrafts,
  indexedDbStore,
  syncedStore,
  ROLE_LABELS,
  type Role,
  type ServiceUser,
  type StrClient,
} from '@strkit/sdk';
import '@strkit/components/define/str-provider.js';
import '@strkit/components/define/str-contact-log.js';
import '@strkit/components/define/str-care-plan.js';
import '@strkit/components/define/str-relapse-check.js';
import '@strkit/components/define/str-relapse-trend.js';
import '@strkit/components/define/str-relapse-plan.js';
import '@strkit/components/define/str-alert-inbox.js';
import '@strkit/components/define/str-sync-status.js';
import type { StrProvider } from '@strkit/components';
import { DEMO_WORKERS, seed } from './seed.js';

// `?store=fhir` (npm run start:fhir): records go to the FHIR R4 engine behind /fhir/R4 on this origin.
// `?store=fhir&offline=1`: offline first: records land in IndexedDB and sync to the engine; a switch takes the network away.
const params = new URLSearchParams(location.search);
const onFhir = params.get('store') === 'fhir';
const offlineFirst = onFhir && params.get('offline') === '1';
let networkOn = true;
// The host's fetch, with the demo's network switch in front of it.
const demoFetch: typeof fetch = (input, init) => (networkOn ? fetch(input, init) : Promise.reject(new TypeError('The demo network switch is off')));
const remote = onFhir ? fhirStore({ baseUrl: new URL('/fhir/R4', location.origin).href, fetch: demoFetch }) : undefined;
const store = offlineFirst
  ? syncedStore({ local: indexedDbStore({ name: 'strkit-demo-offline' }), remote: remote! })
  : (remote ?? indexedDbStore({ name: 'strkit-demo' }));
const drafts = indexedDbDrafts({ name: 'strkit-demo-drafts' });

const $ = <E extends Element>(sel: string) => document.querySelector(sel) as E;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}) => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
};

let client: StrClient;
let selected: ServiceUser | undefined;

function clientFor(role: Role, clock?: { now: () => Date }): StrClient {
  const w = DEMO_WORKERS.find((x) => x.role === role) ?? DEMO_WORKERS[0];
  return createClient({ store, drafts, actor: { id: w.id, role: w.role, name: w.name }, ...(clock && { clock }) });
}

async function renderCaseload() {
  const list = $<HTMLUListElement>('#caseload');
  const { items } = await client.serviceUsers.list({ limit: 100 });
  const sorted = [...items].sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
  list.replaceChildren(
    ...sorted.map((p) => {
      const li = el('li');
      const button = el('button', p.displayName, { type: 'button', 'aria-pressed': String(p.id === selected?.id) });
      button.addEventListener('click', () => {
        selected = p;
        // The list is drawn anew, taking the pressed button with it: focus goes to the person's heading, never <body>.
        void render().then(() => $<HTMLElement>('#person h2')?.focus());
      });
      li.append(button, el('span', p.nhsNumber ? ` NHS number ${formatNhsNumber(p.nhsNumber)}` : '', { class: 'hint' }));
      return li;
    }),
  );
}

async function renderPerson() {
  const panel = $<HTMLElement>('#person');
  if (!selected) {
    panel.replaceChildren(el('p', 'Choose a person from the caseload.'));
    return;
  }
  // The widget finds the client through <str-provider>; the host only says whose record this is.
  const log = document.createElement('str-contact-log');
  log.setAttribute('service-user-id', selected.id);
  const heading = el('h2', `Contacts with ${selected.displayName}`, { tabindex: '-1' });
  const plan = document.createElement('str-care-plan');
  plan.setAttribute('service-user-id', selected.id);
  const planSection = el('section', undefined, { 'aria-label': `Care plan for ${selected.displayName}`, class: 'widget', id: 'care-plan' });
  planSection.append(plan);
  // The four relapse elements, each where it belongs: the check, the trend, the plan (docs/adr/0011-relapse-elements.md).
  const relapse = (tag: 'str-relapse-check' | 'str-relapse-trend' | 'str-relapse-plan', label: string) => {
    const widget = document.createElement(tag);
    widget.setAttribute('service-user-id', selected!.id);
    const section = el('section', undefined, { 'aria-label': `${label} for ${selected!.displayName}`, class: 'widget', id: tag.replace('str-', '') });
    section.append(widget);
    return section;
  };
  // On a phone the person's page is many screens tall: links to each part, one Tab from the heading.
  const parts: [string, string][] = [['#care-plan', 'Care plan'], ['#relapse-check', 'Check the early warning signs'], ['#relapse-trend', 'Trend'], ['#relapse-plan', 'Warning-sign plan']];
  const jump = el('nav', undefined, { 'aria-label': 'On this page', class: 'jump' });
  const list = el('ul');
  list.append(...parts.map(([href, text]) => {
    const li = el('li');
    li.append(el('a', text, { href }));
    return li;
  }));
  jump.append(list);
  panel.replaceChildren(heading, jump, log, planSection, relapse('str-relapse-check', 'Early warning signs check'), relapse('str-relapse-trend', 'Early warning signs trend'),
    relapse('str-relapse-plan', 'Warning-sign plan'));
}

/** The open alerts across the caseload, for a role that acknowledges them (a care co-ordinator): not one person's. */
function renderInbox() {
  const slot = $<HTMLElement>('#inbox');
  if (!client.can('alert.acknowledge')) {
    slot.replaceChildren();
    slot.hidden = true;
    return;
  }
  slot.hidden = false;
  if (!slot.querySelector('str-alert-inbox')) slot.replaceChildren(document.createElement('str-alert-inbox'));
}

async function render() {
  ($<StrProvider>('str-provider')).client = client;
  $<HTMLElement>('#who').textContent = `Signed in as ${client.actor.name ?? client.actor.id} — ${ROLE_LABELS[client.actor.role]} · records in ${offlineFirst ? 'this browser, synced to the FHIR R4 engine' : onFhir ? 'the FHIR R4 engine' : 'this browser (IndexedDB)'}`;
  renderInbox();
  await renderCaseload();
  await renderPerson();
}

async function main() {
  if (offlineFirst) {
    const toggle = $<HTMLInputElement>('#network');
    toggle.closest<HTMLElement>('.network')!.hidden = false;
    toggle.addEventListener('change', () => {
      networkOn = toggle.checked;
      if (networkOn) void client.sync?.now();
    });
    // Seed the engine once (online), then bring this person's records to the device as they are opened.
    await seed(createClient({ store: remote!, drafts, actor: { id: 'demo-coordinator', role: 'care-coordinator' } }), new Date());
    const people = await remote!.list('serviceUser', { limit: 100 });
    for (const p of people.items) await (store as ReturnType<typeof syncedStore>).sync.pull(p.id).catch(() => undefined);
    await (store as ReturnType<typeof syncedStore>).sync.now();
  } else {
    // The co-ordinator acting in the past dates the sign checks a week apart, so the trend shows history.
    const now = new Date();
    await seed(clientFor('care-coordinator'), now, (at) => clientFor('care-coordinator', { now: () => at }));
  }
  const roleSelect = $<HTMLSelectElement>('#role');
  for (const w of DEMO_WORKERS) roleSelect.append(el('option', ROLE_LABELS[w.role], { value: w.role }));
  roleSelect.addEventListener('change', () => {
    client = clientFor(roleSelect.value as Role);
    void render();
  });
  // The widgets' language (docs/i18n/README.md): set on the provider, so this page's own English keeps its lang. They
  // re-render in place: what a worker has typed, and the focus, stay as they were.
  const language = $<HTMLSelectElement>('#language');
  language.addEventListener('change', () => ($<StrProvider>('str-provider').locale = language.value));
  client = clientFor(roleSelect.value as Role);
  await render();
  document.body.dataset.ready = 'true';
}

main().catch((e: unknown) => {
  const code = (e as { code?: string })?.code ?? 'unknown';
  $<HTMLElement>('#status').textContent = `The demo could not start (${code}). Reload the page to try again.`;
});
