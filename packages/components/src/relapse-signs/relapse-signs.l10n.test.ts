// The relapse elements in Welsh and in the pseudo-locale (issue 20): every word from a catalogue, Welsh plural forms and
// dates, axe with lang="cy", layout at 390 px with 40% longer words, and a locale switch that keeps a half-typed check.
// Controlled mode (no client), so every state is drawn from fixture records. Synthetic people only.
import { ALERT_NOTE_MAX, type Alert, type SignCheck, type WarningSignPlan } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { LitElement, TemplateResult } from 'lit';
import { expectNoAxeViolations } from '../../../../test/a11y/axe.js';
import { $, $$, until } from '../../../../test/helpers/dom.js';
import { fixtureClock } from '../../../../test/helpers/clients.js';
import { PSEUDO_LOCALE, expectLayoutHolds, expectNoEnglish, registerPseudoLocale } from '../../../../test/l10n/pseudo.js';
import { RULE_MESSAGES } from '../l10n/rules.messages.js';
import '../define/str-provider.js';
import '../define/str-relapse-signs.js';
import '../define/str-relapse-check.js';
import '../define/str-relapse-trend.js';
import '../define/str-relapse-plan.js';
import '../define/str-alert-inbox.js';
import type { StrProvider } from '../provider/provider.js';
import { FIXTURE_WORKER, fixtureAlert, settledChecks, signPlan, weeklyChecks } from './relapse-signs.fixtures.js';
import { ALERT_INBOX_MESSAGES } from './alert-inbox.messages.js';
import { RELAPSE_CHECK_MESSAGES } from './relapse-check.messages.js';
import { RELAPSE_PLAN_MESSAGES } from './relapse-plan.messages.js';
import { RELAPSE_MESSAGES } from './relapse-shared.messages.js';
import { RELAPSE_SIGNS_MESSAGES } from './relapse-signs.messages.js';
import { RELAPSE_TREND_MESSAGES } from './relapse-trend.messages.js';

type Loaded = LitElement & { whenLoaded(): Promise<void> };
const CATALOGUES = [RELAPSE_MESSAGES, RELAPSE_CHECK_MESSAGES, RELAPSE_TREND_MESSAGES, RELAPSE_PLAN_MESSAGES, ALERT_INBOX_MESSAGES, RELAPSE_SIGNS_MESSAGES, RULE_MESSAGES];
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const root = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[lang]');

const plan = signPlan();
const PEOPLE = { [plan.serviceUserId]: 'Avery Storyperson' };
/** What the records hold (fixture data the check may show as it came). */
const FIXTURE_TEXT = [
  ...plan.signs.flatMap((s) => [s.text, s.response]),
  ...plan.contacts.flatMap((c) => [c.who, c.how]),
  'Avery Storyperson', FIXTURE_WORKER, 'Rang Bea and agreed a visit tomorrow.',
  fixtureAlert(settledChecks(plan)[0]!, 1, 1).reason,
];

/** Three checks that set the baseline, and an open alert 30 hours old (overdue) and one acknowledged yesterday. */
const checks = settledChecks(plan);
const alerts: Alert[] = [
  fixtureAlert(checks[2]!, 1, 30, { note: 'Rang Bea and agreed a visit tomorrow.' }),
  fixtureAlert(checks[1]!, 2, 40, { status: 'acknowledged', acknowledged: { at: new Date(Date.parse('2026-06-05T09:00:00Z')).toISOString(), by: FIXTURE_WORKER, action: 'Rang Bea and agreed a visit tomorrow.' } }),
];

async function inLocale<E extends Loaded>(locale: string, tag: TemplateResult): Promise<{ provider: StrProvider; el: E }> {
  const provider = await fixture<StrProvider>(html`<str-provider locale=${locale}>${tag}</str-provider>`);
  const el = provider.firstElementChild as E;
  await el.whenLoaded?.();
  await until(el, () => root(el)?.lang === locale, () => `lang ${root(el)?.lang}: ${text(el)}`);
  return { provider, el };
}

const check = (p: WarningSignPlan = plan, cs: readonly SignCheck[] = checks) => html`<str-relapse-check .plan=${p} .checks=${cs} .clock=${fixtureClock}></str-relapse-check>`;
const trend = (cs: readonly SignCheck[]) => html`<str-relapse-trend .plan=${plan} .checks=${cs}></str-relapse-trend>`;
const planView = html`<str-relapse-plan .plan=${plan} .checks=${checks}></str-relapse-plan>`;
const inbox = html`<str-alert-inbox .alerts=${alerts} .people=${PEOPLE} .clock=${fixtureClock}></str-alert-inbox>`;
const signs = (view: string) => html`<str-relapse-signs view=${view} .plan=${plan} .checks=${checks} .alerts=${alerts} .people=${PEOPLE} .clock=${fixtureClock}></str-relapse-signs>`;

/** Saves a check with every sign 0 but the first late sign at 2: the late-sign rule fires (controlled, so no store). */
async function savedFiring(el: Loaded) {
  const late = plan.signs.findIndex((s) => s.stage === 'late');
  (el as unknown as { value: Record<string, number> }).value = Object.fromEntries(plan.signs.map((s, i) => [s.id, i === late ? 2 : 0]));
  await el.updateComplete;
  $<HTMLButtonElement>(el, 'button[type=submit]').click();
  await until(el, () => !!$(el, '[part=result]'), () => text(el));
}

/** Opens the plan editor (loaded on first use). */
async function editing(el: Loaded) {
  $<HTMLButtonElement>(el, '#plan-edit').click();
  await until(el, () => !!$(el, '[part=plan-editor]'), () => text(el));
}

/** Saves with no sign rated: the error summary, and an error on every sign. */
async function savedUnrated(el: Loaded) {
  $<HTMLButtonElement>(el, 'button[type=submit]').click();
  await until(el, () => !!$(el, '.error-summary'), () => text(el));
}

describe('the relapse elements in the pseudo-locale', () => {
  before(() => registerPseudoLocale(...CATALOGUES));
  afterEach(() => setViewport({ width: 800, height: 600 }));

  const STATES: [string, () => TemplateResult, ((el: Loaded) => Promise<void>)?][] = [
    ['<str-relapse-check>: the check', () => check()],
    ['<str-relapse-check>: saved with signs unrated (error summary, an error on each sign)', () => check(), savedUnrated],
    ['<str-relapse-check>: a saved check that meets the alert rule, with the alert to send', () => check(), savedFiring],
    ['<str-relapse-check>: no plan yet', () => html`<str-relapse-check service-user-id=${plan.serviceUserId}></str-relapse-check>`],
    ['<str-relapse-trend>: eight weekly checks', () => trend(weeklyChecks(plan, 8))],
    ['<str-relapse-trend>: no checks yet', () => trend([])],
    ['<str-relapse-plan>: the plan with its Edit button', () => planView],
    ['<str-relapse-plan>: the plan editor', () => planView, editing],
    ['<str-alert-inbox>: an overdue alert and one acknowledged', () => inbox],
    ['<str-relapse-signs view="check">', () => signs('check')],
    ['<str-relapse-signs view="trend">', () => signs('trend')],
    ['<str-relapse-signs view="plan">', () => signs('plan')],
    ['<str-relapse-signs view="alerts">', () => signs('alerts')],
  ];
  for (const [name, make, then] of STATES) {
    it(`${name}: no English source string in any text or accessible name, and the layout holds at 390 px`, async () => {
      const { el } = await inLocale<Loaded>(PSEUDO_LOCALE, make());
      if (then) await then(el);
      expectNoEnglish(el, CATALOGUES, FIXTURE_TEXT);
      await expectLayoutHolds(el);
    });
  }
});

describe('the relapse elements in Welsh', () => {
  it('<str-relapse-check>: Welsh headings, stage and rating labels, and the date the plan was agreed; axe passes with lang="cy"', async () => {
    const { el } = await inLocale<Loaded>('cy', check());
    expect($(el, '#check-heading').textContent).to.equal('Gwirio’r arwyddion rhybudd cynnar');
    expect(text(el)).to.include('Cytunwyd arno gyda’r person ar 2 Mawrth 2026.');
    expect(text(el)).to.include('0 o 12 wedi’u sgorio.');
    expect($$(el, 'fieldset.stage > legend').map((l) => l.textContent!.trim())).to.deep.equal(['Arwyddion cynnar', 'Arwyddion canol', 'Arwyddion hwyr']);
    expect($$(el, `[id="s-${plan.signs[0]!.id}"] label`).map((l) => l.textContent!.trim())).to.deep.equal(['0 Heb sylwi', '1 Ychydig', '2 Cryn dipyn', '3 Llawer', 'Heb ofyn']);
    expect($(el, 'label[for=f-sleep-note]').textContent).to.equal('Nodyn am gwsg (dewisol)');
    expect($(el, 'button[type=submit]').textContent).to.equal('Cadw’r gwiriad');
    await expectNoAxeViolations(el);
  });

  it('<str-relapse-check>: the errors in Welsh (summary, each sign, the form validity message); axe passes with lang="cy"', async () => {
    const { el } = await inLocale<Loaded>('cy', html`<str-relapse-check required .plan=${plan} .checks=${checks}></str-relapse-check>`);
    expect((el as unknown as { validationMessage: string }).validationMessage).to.equal('Sgoriwch bob arwydd, neu dewiswch “Heb ofyn”');
    await savedUnrated(el);
    expect($(el, '.error-summary h3').textContent).to.equal('Mae problem');
    expect($$(el, '.error-summary a')[0]!.textContent).to.equal(`Sgoriwch “${plan.signs[0]!.text}”, neu dewiswch “Heb ofyn”`);
    expect($(el, '.error-summary').textContent!.replace(/\s+/g, ' ')).to.include('a 2 arwydd arall');
    expect($(el, `#s-${plan.signs[0]!.id}-error`).textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Gwall: Sgoriwch “${plan.signs[0]!.text}”, neu dewiswch “Heb ofyn”`);
    await expectNoAxeViolations(el);
  });

  it('<str-relapse-check>: a check that meets the rule says why in Welsh, and a note too long is refused in Welsh digits', async () => {
    const { el } = await inLocale<Loaded>('cy', check());
    await savedFiring(el);
    expect($(el, '#result-heading').textContent).to.equal('Mae’r gwiriad hwn yn bodloni’r rheol rhybuddio');
    expect($(el, '[part=result] li').textContent).to.equal('Arwydd cam hwyr “Hearing people talk about me through the wall” wedi’i sgorio’n cryn dipyn (2 o 3)');
    expect($(el, 'p.status').textContent).to.equal('Cadwyd y gwiriad. Mae’n bodloni’r rheol rhybuddio.');
    const note = $<HTMLTextAreaElement>(el, '#alert-note');
    note.value = 'x'.repeat(ALERT_NOTE_MAX + 1);
    note.dispatchEvent(new Event('input'));
    $$<HTMLButtonElement>(el, '[part=result] button').find((b) => b.textContent === 'Anfon rhybudd at y cydlynydd gofal')!.click();
    await until(el, () => !!$(el, '#alert-note-error'), () => text(el));
    const n = (v: number) => v.toLocaleString('en-GB'); // Welsh groups digits as English does (CLDR)
    expect($(el, '#alert-note-error').textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Gwall: Rhowch ${n(ALERT_NOTE_MAX)} nod neu lai yn y nodyn (mae ganddo ${n(ALERT_NOTE_MAX + 1)})`);
    await expectNoAxeViolations(el);
  });

  const SAY = { 0: '0 gwiriad.', 1: '1 gwiriad.', 2: '2 wiriad.', 3: '3 gwiriad.', 6: '6 gwiriad.', 11: '11 o wiriadau.' } as const;
  for (const [n, said] of Object.entries(SAY)) {
    it(`<str-relapse-trend> with ${n} checks: "${said}", the Welsh plural form, with Welsh dates`, async () => {
      const cs = weeklyChecks(plan, Number(n));
      const { el } = await inLocale<Loaded>('cy', trend(cs));
      expect($(el, '[part=trend] > p').textContent!.replace(/\s+/g, ' ').trim()).to.match(new RegExp(`${said.replace('.', '\\.')}$`));
      if (Number(n) > 0) {
        expect($(el, 'table time')!.textContent).to.equal('2 Mawrth 2026');
        expect($(el, 'caption').textContent).to.equal('Cyfanswm y sgôr ym mhob gwiriad');
      } else expect(text(el)).to.include('Dim gwiriadau eto.');
    });
  }

  it('<str-relapse-trend>: axe passes with lang="cy"; the narrow list reads in Welsh', async () => {
    const { el } = await inLocale<Loaded>('cy', trend(checks));
    expect(text(el)).to.include('Llinell sylfaen: 2 (canolrif y tri gwiriad cyntaf ar ôl cytuno ar y cynllun). 3 gwiriad.');
    expect($$(el, '.trend-list li')[0]!.textContent).to.equal('18 Mai 2026: cyfanswm 2, yr un fath â’r llinell sylfaen; rheol rhybuddio heb ei bodloni');
    await expectNoAxeViolations(el);
  });

  it('<str-relapse-plan>: the plan in Welsh, with its dates and rule; axe passes with lang="cy"', async () => {
    const { el } = await inLocale<Loaded>('cy', planView);
    expect($(el, '#plan-heading').textContent).to.equal('Cynllun arwyddion rhybudd');
    expect(text(el)).to.include('Cytunwyd arno gyda’r person ar 2 Mawrth 2026. Adolygu erbyn 2 Medi 2026.');
    expect(text(el)).to.include('Unrhyw arwydd wedi’i sgorio’n 3 neu fwy mewn 2 wiriad yn olynol');
    expect($(el, '#plan-edit').textContent).to.equal('Golygu’r cynllun');
    await expectNoAxeViolations(el);
  });

  it('<str-relapse-plan>: the plan editor in Welsh; axe passes with lang="cy"', async () => {
    const { el } = await inLocale<Loaded>('cy', planView);
    await editing(el);
    expect($(el, '#pe-heading').textContent).to.equal('Golygu’r cynllun arwyddion rhybudd');
    expect($(el, `label[for="pe-sign-${plan.signs[1]!.id}-text"]`).textContent).to.equal('Arwydd 2');
    expect($$<HTMLOptionElement>(el, `#pe-sign-${plan.signs[0]!.id}-stage option`).map((o) => o.textContent)).to.deep.equal(['Cynnar', 'Canol', 'Hwyr']);
    expect($(el, 'label[for=pe-rule-repeatChecks]').textContent).to.equal('mewn y nifer hwn o wiriadau yn olynol');
    expect($(el, 'button[type=submit]').textContent).to.equal('Cadw’r cynllun');
    await expectNoAxeViolations(el);
  });

  it('<str-alert-inbox>: the alerts in Welsh, overdue hours in Welsh, dates and times; axe passes with lang="cy"', async () => {
    const { el } = await inLocale<Loaded>('cy', inbox);
    expect($(el, '#alerts-heading').textContent).to.equal('Rhybuddion agored');
    expect($(el, '.flag').textContent!.replace(/\s+/g, ' ')).to.equal('Yn hwyr: ar agor ers 30 o oriau, mwy na 24.');
    expect($(el, '.alert .hint').textContent!.replace(/\s+/g, ' ')).to.match(/^Codwyd \d+ Mehefin 2026 am \d\d:\d\d gan story-worker$/);
    expect($(el, 'button.primary').textContent!.replace(/\s+/g, ' ').trim()).to.equal('Cydnabod y rhybudd ar gyfer Avery Storyperson');
    // The alert's reason was stored in the SDK's English: it is marked so, for a screen reader in a Welsh view.
    expect($$(el, '.alert p.reason').map((p) => p.lang)).to.deep.equal(['en-GB', 'en-GB']);
    $<HTMLButtonElement>(el, 'button.primary').click();
    await until(el, () => !!$(el, '.error-message'), () => text(el));
    expect($(el, '.error-message').textContent!.replace(/\s+/g, ' ').trim()).to.equal('Gwall: Rhowch beth a wnaed');
    await expectNoAxeViolations(el);
  });

  it('<str-relapse-signs>: the view switch in Welsh; axe passes with lang="cy"', async () => {
    const { el } = await inLocale<Loaded>('cy', signs('check'));
    expect($(el, '.views').getAttribute('aria-label')).to.equal('Dangos');
    expect($$(el, '.views button').map((b) => b.textContent)).to.deep.equal(['Gwirio’r arwyddion', 'Tuedd', 'Y cynllun', 'Rhybuddion']);
    await expectNoAxeViolations(el);
  });
});

describe('the relapse elements: switching locale at runtime', () => {
  it('<str-relapse-check> re-renders in Welsh and back, keeping a half-typed check: ratings, typed text, focus and caret', async () => {
    const { provider, el } = await inLocale<Loaded>('en-GB', check());
    $<HTMLInputElement>(el, `input[name="r-${plan.signs[0]!.id}"][value="2"]`).click();
    const box = $<HTMLTextAreaElement>(el, '#observations');
    box.value = 'Quiet, tired; said the ';
    box.dispatchEvent(new Event('input'));
    box.focus();
    box.setSelectionRange(6, 6);
    provider.locale = 'cy';
    await until(el, () => root(el)!.lang === 'cy' && $(el, '#check-heading').textContent === 'Gwirio’r arwyddion rhybudd cynnar', () => text(el));
    expect($(el, '#observations')).to.equal(box);
    expect(box.value).to.equal('Quiet, tired; said the ');
    expect(el.shadowRoot!.activeElement).to.equal(box);
    expect(box.selectionStart).to.equal(6);
    expect((el as unknown as { value: Record<string, number> }).value).to.deep.equal({ [plan.signs[0]!.id]: 2 });
    expect($<HTMLInputElement>(el, `input[name="r-${plan.signs[0]!.id}"][value="2"]`).checked).to.equal(true);
    expect($(el, 'label[for=observations]').textContent).to.equal('Arsylwadau o’r cyflwr meddwl');
    provider.locale = 'en-GB';
    await until(el, () => root(el)!.lang === 'en-GB' && $(el, 'label[for=observations]').textContent === 'Mental-state observations', () => text(el));
    expect(box.value).to.equal('Quiet, tired; said the ');
  });

  it('<str-relapse-plan> keeps a half-typed plan edit, and focus, across a switch to Welsh', async () => {
    const { provider, el } = await inLocale<Loaded>('en-GB', planView);
    await editing(el);
    const box = $<HTMLTextAreaElement>(el, `#pe-sign-${plan.signs[0]!.id}-text`);
    box.value = 'I stop answering my phone and the do';
    box.dispatchEvent(new Event('input'));
    box.focus();
    provider.locale = 'cy';
    await until(el, () => $(el, '#pe-heading').textContent === 'Golygu’r cynllun arwyddion rhybudd', () => text(el));
    expect($(el, `#pe-sign-${plan.signs[0]!.id}-text`)).to.equal(box);
    expect(box.value).to.equal('I stop answering my phone and the do');
    expect(el.shadowRoot!.activeElement).to.equal(box);
  });

  it('<str-alert-inbox> keeps what was typed in "What was done" across a switch to Welsh', async () => {
    const { provider, el } = await inLocale<Loaded>('en-GB', inbox);
    const box = $<HTMLTextAreaElement>(el, 'textarea');
    box.value = 'Rang Bea';
    box.dispatchEvent(new Event('input'));
    box.focus();
    provider.locale = 'cy';
    await until(el, () => $(el, '#alerts-heading').textContent === 'Rhybuddion agored', () => text(el));
    expect($(el, 'textarea')).to.equal(box);
    expect(box.value).to.equal('Rang Bea');
    expect(el.shadowRoot!.activeElement).to.equal(box);
  });
});
