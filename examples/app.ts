// The worker's app (issue 21), phone first: who is signed in → their caseload → a person (contacts, care plan,
// signs) → back to the same row. Written as a vendor would: plain DOM, text only, never HTML strings; the widgets find
// the client through <str-provider>. `mountApp` draws into any element, so the browser tests drive the same code.
import { ROLE_LABELS, type Role, type StrClient, type TrainingItem } from '@strkit/sdk';
import '@strkit/components/define/str-provider.js';
import '@strkit/components/define/str-caseload.js';
import '@strkit/components/define/str-contact-log.js';
import '@strkit/components/define/str-care-plan.js';
import '@strkit/components/define/str-relapse-check.js';
import '@strkit/components/define/str-relapse-trend.js';
import '@strkit/components/define/str-relapse-plan.js';
import '@strkit/components/define/str-care-pathway.js';
import '@strkit/components/define/str-alert-inbox.js';
import '@strkit/components/define/str-sync-status.js';
import '@strkit/components/define/str-team.js';
import type { PersonOpenEvent, StrCaseload, StrProvider } from '@strkit/components';

export interface DemoWorker {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}

export interface AppOptions {
  readonly workers: readonly DemoWorker[];
  /** A client signed in as this worker. */
  readonly clientFor: (worker: DemoWorker) => StrClient;
  /** Where the records are, in words, for the page's footer. */
  readonly where: string;
  /** The team's training checklist, for the team lead's Team view. */
  readonly checklist?: readonly TrainingItem[];
}

export interface App {
  /** Shows the caseload and puts focus back on the person last opened. */
  back(): Promise<void>;
  open(serviceUserId: string): Promise<void>;
  readonly caseload: StrCaseload;
}

type Part = 'contacts' | 'plan' | 'signs' | 'pathway';
const PARTS: readonly [Part, string][] = [['contacts', 'Contacts'], ['plan', 'Care plan'], ['signs', 'Warning signs'], ['pathway', 'Care pathway']];

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
};

/** The header: one short line and two controls, under 15% of a 390 × 844 phone screen. */
function header(o: AppOptions, signIn: (w: DemoWorker) => void, language: (lang: string) => void): HTMLElement {
  const head = el('header', undefined, { class: 'app-header' });
  const title = el('h1', 'STR Kit example · invented people only');
  const who = el('select', undefined, { id: 'signed-in' });
  for (const w of o.workers) who.append(el('option', `${w.name} · ${ROLE_LABELS[w.role]}`, { value: w.id }));
  who.addEventListener('change', () => signIn(o.workers.find((w) => w.id === who.value)!));
  const lang = el('button', 'Cymraeg', { type: 'button', lang: 'cy', id: 'language', 'aria-pressed': 'false' });
  lang.addEventListener('click', () => {
    const welsh = lang.getAttribute('aria-pressed') !== 'true';
    lang.setAttribute('aria-pressed', String(welsh));
    language(welsh ? 'cy' : 'en-GB');
  });
  const bar = el('div', undefined, { class: 'bar' });
  const label = el('label', 'Signed in as', { for: 'signed-in' });
  bar.append(label, who, lang);
  head.append(title, bar);
  return head;
}

export function mountApp(root: HTMLElement, o: AppOptions): App {
  let client = o.clientFor(o.workers[0]!);
  let openId: string | undefined;
  let part: Part = 'contacts';

  const provider = el('str-provider') as StrProvider;
  const main = el('main', undefined, { id: 'main' });
  const sync = el('str-sync-status', undefined, { class: 'sync' });
  const views = el('nav', undefined, { 'aria-label': 'Views', class: 'views' });
  const caseloadView = el('section', undefined, { id: 'caseload-view', 'aria-label': 'Caseload' });
  const caseload = el('str-caseload') as StrCaseload;
  caseloadView.append(caseload);
  const alertsView = el('section', undefined, { id: 'alerts-view', 'aria-label': 'Open alerts', hidden: '' });
  const teamView = el('section', undefined, { id: 'team-view', 'aria-label': 'Team', hidden: '' });
  const personView = el('section', undefined, { id: 'person-view', hidden: '' });
  const footer = el('p', o.where, { class: 'where' });
  main.append(sync, views, caseloadView, alertsView, teamView, personView, footer);
  provider.append(main);
  root.replaceChildren(header(o, signIn, (lang) => (provider.locale = lang)), provider);

  type View = 'caseload' | 'alerts' | 'team' | 'person';
  function show(view: View) {
    caseloadView.hidden = view !== 'caseload';
    alertsView.hidden = view !== 'alerts';
    teamView.hidden = view !== 'team';
    personView.hidden = view !== 'person';
    for (const b of views.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.view === view));
  }

  function drawViews() {
    const button = (view: Exclude<View, 'person'>, text: string) => {
      const b = el('button', text, { type: 'button', 'data-view': view, 'aria-pressed': 'false' });
      b.addEventListener('click', () => {
        show(view);
        if (view === 'alerts' && !alertsView.firstChild) alertsView.append(el('str-alert-inbox'));
        if (view === 'team' && !teamView.firstChild) {
          const team = el('str-team');
          team.checklist = o.checklist ?? [];
          teamView.append(team);
        }
      });
      return b;
    };
    // Only a role that acknowledges alerts gets the team's open alerts, and only team leads the team's workload
    // (co-ordinators may see it through the SDK; the example keeps the view for the lead). The record system must
    // enforce both too.
    const lead = client.actor.role === 'team-lead';
    views.replaceChildren(...(client.can('alert.acknowledge') ? [button('caseload', 'Caseload'), button('alerts', 'Open alerts'), ...(lead ? [button('team', 'Team')] : [])] : []));
    alertsView.replaceChildren();
    teamView.replaceChildren();
  }

  async function drawPerson(serviceUserId: string) {
    const person = await client.serviceUsers.get(serviceUserId).catch(() => undefined);
    const name = person?.displayName ?? 'This person';
    const back = el('button', '← Back to the caseload', { type: 'button', class: 'back' });
    back.addEventListener('click', () => void app.back());
    const heading = el('h2', name, { tabindex: '-1', id: 'person-heading' });
    const tabs = el('nav', undefined, { 'aria-label': `Parts of ${name}’s record`, class: 'parts' });
    const panel = el('div', undefined, { class: 'part' });
    const drawPart = () => {
      for (const b of tabs.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.part === part));
      const widget = (tag: string) => {
        const w = document.createElement(tag);
        w.setAttribute('service-user-id', serviceUserId);
        return w;
      };
      panel.replaceChildren(...(part === 'contacts' ? [widget('str-contact-log')] : part === 'plan' ? [widget('str-care-plan')] : part === 'pathway' ? [widget('str-care-pathway')]
        : [widget('str-relapse-check'), widget('str-relapse-trend'), widget('str-relapse-plan')]));
    };
    tabs.append(...PARTS.map(([p, text]) => {
      const b = el('button', text, { type: 'button', 'data-part': p, 'aria-pressed': 'false' });
      b.addEventListener('click', () => {
        part = p;
        drawPart();
      });
      return b;
    }));
    drawPart();
    personView.replaceChildren(back, heading, tabs, panel);
  }

  function signIn(w: DemoWorker) {
    client = o.clientFor(w);
    provider.client = client;
    openId = undefined;
    personView.replaceChildren();
    drawViews();
    show('caseload');
  }

  caseload.addEventListener('str-person-open', (e) => void app.open((e as PersonOpenEvent).detail.serviceUserId));

  const app: App = {
    caseload,
    async open(serviceUserId) {
      openId = serviceUserId;
      await drawPerson(serviceUserId);
      show('person');
      // The person's page replaces the caseload: the top of it, and focus on their name (never left on <body>).
      window.scrollTo(0, 0);
      personView.querySelector<HTMLElement>('#person-heading')?.focus();
    },
    async back() {
      show('caseload');
      personView.replaceChildren();
      // Their row, or (if a filter now hides them) the caseload's heading.
      if (openId) await caseload.focusPerson(openId);
    },
  };
  signIn(o.workers[0]!);
  return app;
}
