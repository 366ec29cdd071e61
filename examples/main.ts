// The example EPR host page, written as a vendor would: create a client on the embedded default store
// (IndexedDB), hand it to <str-provider>, and let the widgets do the rest. Plain DOM, text only, no HTML strings.
import {
  createClient,
  fhirStore,
  formatNhsNumber,
  indexedDbDrafts,
  indexedDbStore,
  ROLE_LABELS,
  type Role,
  type ServiceUser,
  type StrClient,
} from '@strkit/sdk';
import '@strkit/components/define/str-provider.js';
import '@strkit/components/define/str-contact-log.js';
import '@strkit/components/define/str-care-plan.js';
import '@strkit/components/define/str-relapse-signs.js';
import type { StrProvider } from '@strkit/components';
import { DEMO_WORKERS, seed } from './seed.js';

// `?store=fhir` (npm run start:fhir): records go to the FHIR R4 engine behind /fhir/R4 on this origin.
const onFhir = new URLSearchParams(location.search).get('store') === 'fhir';
const store = onFhir ? fhirStore({ baseUrl: new URL('/fhir/R4', location.origin).href }) : indexedDbStore({ name: 'strkit-demo' });
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

function clientFor(role: Role): StrClient {
  const w = DEMO_WORKERS.find((x) => x.role === role) ?? DEMO_WORKERS[0];
  return createClient({ store, drafts, actor: { id: w.id, role: w.role, name: w.name } });
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
        void render();
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
  const heading = el('h2', `Contacts with ${selected.displayName}`);
  const plan = document.createElement('str-care-plan');
  plan.setAttribute('service-user-id', selected.id);
  const planSection = el('section', undefined, { 'aria-label': `Care plan for ${selected.displayName}`, class: 'widget' });
  planSection.append(plan);
  const signs = document.createElement('str-relapse-signs');
  signs.setAttribute('service-user-id', selected.id);
  const signsSection = el('section', undefined, { 'aria-label': `Early warning signs for ${selected.displayName}`, class: 'widget' });
  signsSection.append(signs);
  panel.replaceChildren(heading, log, planSection, signsSection);
}

async function render() {
  ($<StrProvider>('str-provider')).client = client;
  $<HTMLElement>('#who').textContent = `Signed in as ${client.actor.name ?? client.actor.id} — ${ROLE_LABELS[client.actor.role]} · records in ${onFhir ? 'the FHIR R4 engine' : 'this browser (IndexedDB)'}`;
  await renderCaseload();
  await renderPerson();
}

async function main() {
  await seed(clientFor('care-coordinator'), new Date());
  const roleSelect = $<HTMLSelectElement>('#role');
  for (const w of DEMO_WORKERS) roleSelect.append(el('option', ROLE_LABELS[w.role], { value: w.role }));
  roleSelect.addEventListener('change', () => {
    client = clientFor(roleSelect.value as Role);
    void render();
  });
  client = clientFor(roleSelect.value as Role);
  await render();
  document.body.dataset.ready = 'true';
}

main().catch((e: unknown) => {
  const code = (e as { code?: string })?.code ?? 'unknown';
  $<HTMLElement>('#status').textContent = `The demo could not start (${code}). Reload the page to try again.`;
});
