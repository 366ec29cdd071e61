// Issue 18: the sign check renders and updates in proportion to what changed. One rating clicked reads and writes the
// radios of that sign only, and the form value, validity and count follow each click without being rebuilt from the
// whole plan (docs/adr/0018-work-in-proportion.md). Synthetic signs only.
import { expect, fixture, html } from '@open-wc/testing';
import type { Clock } from '@strkit/sdk';
import { $, $$ } from '../../../../test/helpers/dom.js';
import { expectNoAxeViolations } from '../../../../test/a11y/axe.js';
import '../define/str-relapse-check.js';
import type { StrRelapseCheck } from './relapse-check.js';
import { FIXTURE_NOW, largeSignPlan } from './relapse-signs.fixtures.js';

const clock: Clock = { now: () => new Date(FIXTURE_NOW) };

/** Every input whose `checked` is read or set from script while `fn` runs (lit's `live()` reads it to compare). */
async function radiosTouched(fn: () => Promise<void>): Promise<Set<HTMLInputElement>> {
  const d = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'checked')!;
  const touched = new Set<HTMLInputElement>();
  Object.defineProperty(HTMLInputElement.prototype, 'checked', {
    configurable: true,
    get(this: HTMLInputElement) {
      touched.add(this);
      return d.get!.call(this);
    },
    set(this: HTMLInputElement, v: boolean) {
      touched.add(this);
      d.set!.call(this, v);
    },
  });
  try {
    await fn();
  } finally {
    Object.defineProperty(HTMLInputElement.prototype, 'checked', d);
  }
  return touched;
}

async function inForm(signs: number) {
  const plan = largeSignPlan(signs);
  const form = await fixture<HTMLFormElement>(html`<form><str-relapse-check name="signs" required .plan=${plan} .clock=${clock}></str-relapse-check></form>`);
  const el = form.querySelector('str-relapse-check')!;
  await el.updateComplete;
  return { form, el: el as StrRelapseCheck, plan };
}

const radio = (el: Element, signId: string, value: string) => $<HTMLInputElement>(el, `input[name="r-${signId}"][value="${value}"]`);
const countText = (el: Element) => /\d+ of \d+ rated/.exec($(el, 'form[part=check] .hint').textContent!)?.[0];

describe('<str-relapse-check>: work in proportion to what changed (issue 18)', () => {
  it('one rating clicked of 200 touches only that sign\u2019s five radios, and the form value and count follow it', async () => {
    const { form, el, plan } = await inForm(200);
    const sign = plan.signs[150]!;
    // A first click elsewhere, so the run of the sign below has been drawn once with a rating in the plan.
    radio(el, plan.signs[10]!.id, '1').click();
    await el.updateComplete;
    const touched = await radiosTouched(async () => {
      radio(el, sign.id, '2').click();
      await el.updateComplete;
    });
    // Rating radios only (the form's one "well today" checkbox is drawn with the form, whatever the plan's size).
    const ratings = [...touched].filter((r) => r.name.startsWith('r-'));
    expect([...new Set(ratings.map((r) => r.name))], 'rating radios read or set by the update').to.deep.equal([`r-${sign.id}`]);
    expect(ratings.length).to.be.at.most(5);
    expect(radio(el, sign.id, '2').checked).to.equal(true);
    expect(el.value[sign.id]).to.equal(2);
    expect(new FormData(form).get(`signs.${sign.id}`)).to.equal('2');
    expect([...new FormData(form).keys()]).to.have.length(2);
    expect(countText(el)).to.equal('2 of 200 rated');
  });

  it('a click rates in place yet never changes a value already read: each read after it shows the new rating', async () => {
    // ADR 0022: one click sets one rating instead of copying all 200; what a host (or a draft) was handed stays as it was.
    const { el, plan } = await inForm(200);
    const [a, b] = [plan.signs[3]!, plan.signs[120]!];
    radio(el, a.id, '1').click();
    await el.updateComplete;
    const before = el.value;
    expect(el.value, 'the same object until the ratings change').to.equal(before);
    radio(el, b.id, '3').click();
    await el.updateComplete;
    expect(before).to.deep.equal({ [a.id]: 1 });
    expect(el.value).to.deep.equal({ [a.id]: 1, [b.id]: 3 });
    radio(el, a.id, '2').click();
    await el.updateComplete;
    expect(before[a.id], 'a value read earlier keeps its rating').to.equal(1);
    expect(el.value[a.id]).to.equal(2);
    expect(radio(el, a.id, '2').checked && !radio(el, a.id, '1').checked).to.equal(true);
  });

  it('validity follows each click: value missing until the last unrated sign, pointing at the first one left', async () => {
    const { form, el, plan } = await inForm(30);
    // Rated from the last sign back, so the first unrated sign stays the same until the very last click.
    for (const [i, s] of [...plan.signs].reverse().entries()) {
      expect(el.validity.valueMissing, `before rating sign ${30 - i}`).to.equal(true);
      radio(el, s.id, i % 2 ? 'not-asked' : '0').click();
    }
    await el.updateComplete;
    expect(el.validity.valueMissing).to.equal(false);
    expect(form.checkValidity()).to.equal(true);
    expect([...new FormData(form).keys()]).to.have.length(30);
    expect(new FormData(form).get(`signs.${plan.signs[0]!.id}`)).to.equal('not-asked');
    expect(countText(el)).to.equal('30 of 30 rated');
    // Rated from the first sign on: the first unrated sign moves forward with each click.
    form.reset();
    await el.updateComplete;
    expect(countText(el)).to.equal('0 of 30 rated');
    for (const s of plan.signs.slice(0, 29)) radio(el, s.id, '3').click();
    expect(el.validity.valueMissing).to.equal(true);
    expect(el.validationMessage).to.equal('Rate each sign, or choose “Not asked”');
    radio(el, plan.signs[29]!.id, '3').click();
    expect(el.validity.valueMissing).to.equal(false);
    await el.updateComplete;
    expect(countText(el)).to.equal('30 of 30 rated');
  });

  it('a value set from outside redraws every sign: the radios show it and no earlier click is left showing', async () => {
    const { el, plan } = await inForm(60);
    radio(el, plan.signs[5]!.id, '3').click();
    el.value = { [plan.signs[40]!.id]: 1 };
    await el.updateComplete;
    expect(radio(el, plan.signs[5]!.id, '3').checked, 'the clicked radio put back').to.equal(false);
    expect(radio(el, plan.signs[40]!.id, '1').checked).to.equal(true);
    expect($$<HTMLInputElement>(el, 'input[type=radio][name^="r-"]').filter((r) => r.checked)).to.have.length(1);
    expect(countText(el)).to.equal('1 of 60 rated');
    await expectNoAxeViolations(el);
  });
});
