// <str-caseload> in Welsh and in the pseudo-locale (issue 21, built translatable from its first commit): the reasons,
// facts, counts and filters from its catalogue, Welsh number forms for days and hours, Welsh dates, axe with
// lang="cy", and no English left in any state, with the layout holding at 390 px. Synthetic people only.
import { expect, fixture, html } from '@open-wc/testing';
import { memoryStore, type Store, type StrClient } from '@strkit/sdk';
import { setViewport } from '@web/test-runner-commands';
import { expectNoAxeViolations } from '../../../../test/a11y/axe.js';
import { clientAs } from '../../../../test/helpers/clients.js';
import { $, $$, until } from '../../../../test/helpers/dom.js';
import { PSEUDO_LOCALE, expectLayoutHolds, expectNoEnglish, registerPseudoLocale } from '../../../../test/l10n/pseudo.js';
import '../define/str-caseload.js';
import '../define/str-provider.js';
import type { StrProvider } from '../provider/provider.js';
import type { StrCaseload } from './caseload.js';
import { CASELOAD_COORDINATOR, CASELOAD_WORKER, seedCaseload } from './caseload.fixtures.js';
import { fill } from '../l10n/catalogue.js';
import cy from './caseload.cy.js';
import { CASELOAD_MESSAGES } from './caseload.messages.js';

const langOf = (el: Element) => ([...el.shadowRoot!.children].find((c) => c.hasAttribute('lang')) as HTMLElement | undefined)?.lang;
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const reasonsOf = (el: StrCaseload, first: string) => $$(el, '.person').find((p) => p.querySelector('h3')!.textContent!.includes(first))!.querySelector('.reasons')!.textContent!.replace(/\s+/g, ' ').trim();

async function inLocale(locale: string, client: StrClient): Promise<StrCaseload> {
  const provider = await fixture<StrProvider>(html`<str-provider locale=${locale} .client=${client}><str-caseload></str-caseload></str-provider>`);
  const el = provider.querySelector<StrCaseload>('str-caseload')!;
  await until(el, () => langOf(el) === locale, () => `lang ${langOf(el)}: ${text(el)}`);
  await el.whenLoaded();
  return el;
}

async function seeded(): Promise<Store> {
  const store = memoryStore();
  await seedCaseload(store);
  return store;
}

describe('<str-caseload> in Welsh', () => {
  it('says the reasons, facts and counts in Welsh, with Welsh number forms and dates, and passes axe with lang="cy"', async () => {
    const el = await inLocale('cy', clientAs(await seeded(), 'str-worker', CASELOAD_WORKER));
    expect($(el, 'h2').textContent).to.equal('Fy llwyth achosion');
    expect(reasonsOf(el, 'Ben')).to.equal('Rhybudd heb ei gydnabod ers 30 o oriau');
    expect(reasonsOf(el, 'Ada')).to.equal('Dim cyswllt ers 12 o ddiwrnodau — cytunwyd bob wythnos');
    expect(reasonsOf(el, 'Cat')).to.equal('Cyswllt yn ddyledus heddiw — cytunwyd bob wythnos');
    expect(reasonsOf(el, 'Dan')).to.equal('Dim byd yn ddyledus');
    const dan = $$(el, '.person').find((p) => p.textContent!.includes('Dan'))!;
    expect(dan.querySelector('.facts')!.textContent).to.equal(
      'Y cyswllt diwethaf a fynychwyd: 2 Mehefin 2026, 3 diwrnod yn ôl · Cyswllt y cytunwyd arno: bob pythefnos · Y cyswllt nesaf yn ddyledus ar 16 Mehefin 2026 · Y dasg nesaf yn ddyledus ar 8 Mehefin 2026',
    );
    expect($$(el, '.counts dt').map((d) => d.textContent)).to.deep.equal(['Pobl', 'I’w gweld heddiw', 'Â rhybudd agored', 'Heb eu gweld ers 7 diwrnod']);
    $<HTMLInputElement>(el, 'input[value="today"]').click();
    await el.updateComplete;
    expect($(el, '.filters ~ .status').textContent).to.equal('Yn dangos 3 o 5');
    await expectNoAxeViolations(el);
  });

  it('chooses the Welsh form by number: 1 diwrnod, 2 ddiwrnod, 3 diwrnod, 6 diwrnod, 11 o ddiwrnodau; 2 bwynt, 3 phwynt', () => {
    const days = [1, 2, 3, 6, 11].map((count) => fill('cy', cy['reason.task-overdue'], { count }));
    expect(days).to.deep.equal(['Tasg 1 diwrnod yn hwyr', 'Tasg 2 ddiwrnod yn hwyr', 'Tasg 3 diwrnod yn hwyr', 'Tasg 6 diwrnod yn hwyr', 'Tasg 11 o ddiwrnodau yn hwyr']);
    const points = [2, 3, 6].map((count) => fill('cy', cy['reason.sign-check-rise'], { count, date: '3 Mehefin 2026' }));
    expect(points).to.deep.equal([
      'Cododd y gwiriad arwyddion ar 3 Mehefin 2026 2 bwynt uwchlaw’r llinell sylfaen',
      'Cododd y gwiriad arwyddion ar 3 Mehefin 2026 3 phwynt uwchlaw’r llinell sylfaen',
      'Cododd y gwiriad arwyddion ar 3 Mehefin 2026 6 phwynt uwchlaw’r llinell sylfaen',
    ]);
  });
});

describe('<str-caseload> in the pseudo-locale', () => {
  before(() => registerPseudoLocale(CASELOAD_MESSAGES));
  afterEach(() => setViewport({ width: 800, height: 600 }));
  const people = ['Ada Testperson', 'Ben Testperson', 'Cat Testperson', 'Dan Testperson', 'Siân Testperson', 'Eve Testperson', 'Wren Worker', 'Rowan Worker', 'Kit Coordinator'];

  it('a worker’s caseload: no English, and the layout holds at 390 px', async () => {
    const el = await inLocale(PSEUDO_LOCALE, clientAs(await seeded(), 'str-worker', CASELOAD_WORKER));
    expectNoEnglish(el, [CASELOAD_MESSAGES], people);
    await expectLayoutHolds(el);
  });

  it('a co-ordinator’s view with the choice of worker, filtered to nobody: no English, and the layout holds', async () => {
    const el = await inLocale(PSEUDO_LOCALE, clientAs(await seeded(), 'care-coordinator', CASELOAD_COORDINATOR));
    await until(el, () => !!$(el, '#whose'), 'the choice of worker');
    const box = $<HTMLInputElement>(el, '#search');
    box.value = 'Nobody';
    box.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expectNoEnglish(el, [CASELOAD_MESSAGES], people);
    await expectLayoutHolds(el);
  });

  it('an empty caseload: no English', async () => {
    const el = await inLocale(PSEUDO_LOCALE, clientAs(memoryStore(), 'str-worker', CASELOAD_WORKER));
    expectNoEnglish(el, [CASELOAD_MESSAGES], people);
  });
});
