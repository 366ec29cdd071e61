// <str-relapse-check> (issue 18): each figure against a baseline doing the same work in the same run, paired per round.
// - 200-sign check, cold render → next frame, against the exact markup and styles it renders, built by hand with DOM
//   calls; with the DOM node count and the JS heap each adds.
// - One rating clicked → DOM updated, at 20 and at 200 signs, against a hand-built update of the same DOM (the radio
//   checks itself; a change listener keeps the ratings and rewrites the "N of M rated" count). Flat means the 200-sign
//   time is at most 1.2× the 20-sign time.
import { largeSignPlan } from '../packages/components/src/relapse-signs/relapse-signs.fixtures.js';
import type { StrRelapseCheck } from '../packages/components/src/relapse-signs/relapse-check.js';
import '../packages/components/src/define/str-relapse-check.js';
import { buildTree, captureTree, heapAdded, nodeCount, paired, type BenchRow } from './harness.js';

const clock = { now: () => new Date('2026-06-05T16:00:00Z') };
const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
const RATED = /(\d+) of (\d+) rated/;
/** Clicks timed together in one sample of a rating benchmark. */
const CLICKS = 20;

let host: HTMLElement;
function mount(signs: number): StrRelapseCheck {
  const el = document.createElement('str-relapse-check');
  Object.assign(el, { clock, plan: largeSignPlan(signs) });
  host.append(el);
  return el;
}

/** The same markup and styles as the element's, built by hand, with a change listener doing a hand-written update. */
function handBuilt(el: StrRelapseCheck) {
  const tree = captureTree(el.shadowRoot!);
  const sheets = el.shadowRoot!.adoptedStyleSheets;
  return () => {
    const div = document.createElement('div');
    const root = div.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = sheets;
    root.append(...buildTree(tree));
    host.append(div);
    return root;
  };
}

async function cold(): Promise<BenchRow> {
  const sample = mount(200);
  await sample.updateComplete;
  const radios = sample.shadowRoot!.querySelectorAll('input[type=radio][name^="r-"]').length;
  if (radios !== 1000) throw new Error(`expected 1,000 rating radios, got ${radios}`);
  const build = handBuilt(sample);
  const nodes = nodeCount(sample.shadowRoot!);
  sample.remove();
  const built = build();
  if (nodeCount(built) !== nodes) throw new Error(`hand-built markup has ${nodeCount(built)} nodes, the element ${nodes}`);
  host.replaceChildren();
  const row = await paired({
    name: '<str-relapse-check>: 200-sign check → cold render to next frame',
    baselineName: 'the same markup and styles built by hand (DOM calls)',
    items: 200,
    setup: () => host.replaceChildren(),
    candidate: async () => {
      const el = mount(200);
      await el.updateComplete;
      await frame();
    },
    baseline: async () => {
      build();
      await frame();
    },
    target: 1.2,
  });
  const heapEl = await heapAdded(async () => {
    const el = mount(200);
    await el.updateComplete;
    await frame();
    return () => el.remove();
  });
  const heapHand = await heapAdded(async () => {
    const root = build();
    await frame();
    return () => root.host.remove();
  });
  host.replaceChildren();
  return { ...row, extra: `DOM nodes ${nodes.toLocaleString('en-GB')} (both); JS heap added ${heapEl.text} vs hand-built ${heapHand.text} (${(heapEl.mib / heapHand.mib).toFixed(2)}×)` };
}

async function oneRating(signs: number): Promise<BenchRow> {
  host.replaceChildren();
  const el = mount(signs);
  await el.updateComplete;
  const plan = el.plan!;
  const root = handBuilt(el)();
  // The hand-written update: the radio checks itself (native), then the count is rewritten from a kept map.
  const kept = new Map<string, string>();
  const hint = [...root.querySelectorAll('p.hint')].find((p) => RATED.test(p.textContent ?? ''))!;
  const hintText = [...hint.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && RATED.test(n.textContent ?? '')) as Text;
  root.addEventListener('change', (e) => {
    const r = e.target as HTMLInputElement;
    kept.set(r.name, r.value);
    hintText.data = hintText.data.replace(RATED, `${kept.size} of ${signs} rated`);
  });
  const nodes = nodeCount(el.shadowRoot!);
  // Each round rates CLICKS other signs (one click each, each update awaited), so a sample is well above Chromium's
  // 0.1 ms timer; the figures are per click. The radios are found before the clock starts: only clicks and updates count.
  let n = 0;
  let next: { signId: string; value: string; mine: HTMLInputElement; theirs: HTMLInputElement }[] = [];
  const row = await paired({
    name: `<str-relapse-check>: one rating clicked of ${signs} → DOM updated (per click, ${CLICKS} a sample)`,
    baselineName: 'hand-built: native radio + count rewritten',
    items: 1,
    runs: 31,
    warmup: 4,
    setup: async () => {
      next = Array.from({ length: CLICKS }, () => {
        n++;
        const sign = plan.signs[(n * 7) % signs]!;
        const value = String((n % 3) + 1);
        const sel = `input[name="r-${sign.id}"][value="${value}"]`;
        return { signId: sign.id, value, mine: el.shadowRoot!.querySelector<HTMLInputElement>(sel)!, theirs: root.querySelector<HTMLInputElement>(sel)! };
      });
      // Garbage from earlier rounds (and the cold renders) is collected before the clock starts, not during a click.
      (globalThis as { gc?: () => void }).gc?.();
      await frame();
    },
    candidate: async () => {
      for (const x of next) {
        x.mine.click();
        await el.updateComplete;
      }
      for (const x of next) if (String(el.value[x.signId]) !== x.value) throw new Error('rating not taken');
    },
    baseline: async () => {
      for (const x of next) x.theirs.click();
      if (!next.every((x) => x.theirs.checked)) throw new Error('radio not checked');
    },
    target: 1.5,
  });
  host.replaceChildren();
  return { ...row, candidateMs: row.candidateMs / CLICKS, baselineMs: row.baselineMs / CLICKS, extra: `DOM nodes ${nodes.toLocaleString('en-GB')}` };
}

/**
 * Flat: the 200-sign check and the 20-sign check side by side in one page, CLICKS ratings a sample on each, alternated
 * per round: the ratio is the median of the per-round ratios (200 ÷ 20), the times per click.
 */
async function flatness(): Promise<BenchRow> {
  host.replaceChildren();
  const large = mount(200);
  const small = mount(20);
  await Promise.all([large.updateComplete, small.updateComplete]);
  // Every click changes a rating (never re-clicks the checked radio): each sign's value steps 1 → 2 → 3 → 1.
  const rated = new Map<string, number>();
  const picks = (el: StrRelapseCheck, k: number) => {
    const signs = el.plan!.signs;
    return Array.from({ length: CLICKS }, (_, i) => {
      const sign = signs[((k * CLICKS + i) * 7) % signs.length]!;
      const key = `${signs.length}:${sign.id}`;
      rated.set(key, ((rated.get(key) ?? 0) % 3) + 1);
      const value = String(rated.get(key));
      return { el, signId: sign.id, value, radio: el.shadowRoot!.querySelector<HTMLInputElement>(`input[name="r-${sign.id}"][value="${value}"]`)! };
    });
  };
  let k = 0;
  let next: { large: ReturnType<typeof picks>; small: ReturnType<typeof picks> };
  const clickAll = async (xs: ReturnType<typeof picks>) => {
    for (const x of xs) {
      x.radio.click();
      await x.el.updateComplete;
    }
    for (const x of xs) if (String(x.el.value[x.signId]) !== x.value) throw new Error('rating not taken');
  };
  const row = await paired({
    name: `<str-relapse-check>: flat: one rating of 200 ÷ one of 20 (per click, ${CLICKS} a sample)`,
    baselineName: 'the same clicks on a 20-sign check',
    items: 1,
    runs: 31,
    warmup: 4,
    setup: async () => {
      k++;
      next = { large: picks(large, k), small: picks(small, k) };
      (globalThis as { gc?: () => void }).gc?.();
      await frame();
    },
    candidate: () => clickAll(next.large),
    baseline: () => clickAll(next.small),
    target: 1.2,
  });
  // The platform's own growth: the same clicks on the same markup built by hand (native radios, no listener at all).
  const [bigRoot, smallRoot] = [handBuilt(large)(), handBuilt(small)()];
  const nativeRadios = (root: ShadowRoot, xs: ReturnType<typeof picks>) => xs.map((x) => root.querySelector<HTMLInputElement>(`input[name="r-${x.signId}"][value="${x.value}"]`)!);
  let native: { large: HTMLInputElement[]; small: HTMLInputElement[] };
  const platform = await paired({
    name: 'native', baselineName: '', items: 1, runs: 31, warmup: 4,
    setup: async () => {
      k++;
      native = { large: nativeRadios(bigRoot, picks(large, k)), small: nativeRadios(smallRoot, picks(small, k)) };
      (globalThis as { gc?: () => void }).gc?.();
      await frame();
    },
    candidate: async () => native.large.forEach((r) => r.click()),
    baseline: async () => native.small.forEach((r) => r.click()),
  });
  host.replaceChildren();
  const ms = (x: number) => (x / CLICKS).toFixed(3);
  return {
    ...row, candidateMs: row.candidateMs / CLICKS, baselineMs: row.baselineMs / CLICKS,
    extra: `200 signs ${ms(row.candidateMs)} ms vs 20 signs ${ms(row.baselineMs)} ms a click, paired per round: ${row.ratio.toFixed(2)}× (flat ≤ 1.2×: ${row.ratio <= 1.2 ? 'met' : 'MISSED'}); ` +
      `the platform alone (a native radio click in the same markup built by hand): 200 signs ${ms(platform.candidateMs)} ms vs 20 signs ${ms(platform.baselineMs)} ms, ${platform.ratio.toFixed(2)}×`,
  };
}

export async function run(): Promise<BenchRow[]> {
  host = document.createElement('div');
  document.body.append(host);
  const first = await cold();
  const small = await oneRating(20);
  const large = await oneRating(200);
  const flat = large.candidateMs / small.candidateMs;
  const paired200 = await flatness();
  host.remove();
  return [
    first,
    small,
    {
      ...large,
      extra: `${large.extra}; 200 signs ${large.candidateMs.toFixed(3)} ms vs 20 signs ${small.candidateMs.toFixed(3)} ms a click (separate runs): ${flat.toFixed(2)}×`,
    },
    paired200,
  ];
}
