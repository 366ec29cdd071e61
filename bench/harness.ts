// Paired benchmarks: the candidate and its baseline run alternately in the same page, so drift and noise hit both.
// Figures are medians of `runs` timed runs after `warmup` untimed ones; the ratio is the median of per-pair ratios.

export interface BenchRow {
  readonly name: string;
  /** Items handled per run, for a throughput figure. */
  readonly items: number;
  readonly candidateMs: number;
  readonly baselineMs: number;
  readonly baselineName: string;
  readonly ratio: number;
  readonly target?: number;
  readonly runs: number;
  readonly extra?: string;
}

export interface PairedOptions {
  readonly name: string;
  readonly baselineName: string;
  readonly items: number;
  /** Fresh state before each timed call (not timed). */
  readonly setup?: () => Promise<void> | void;
  readonly candidate: () => Promise<unknown>;
  readonly baseline: () => Promise<unknown>;
  readonly teardown?: () => Promise<void> | void;
  readonly runs?: number;
  readonly warmup?: number;
  readonly target?: number;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function timed(setup: PairedOptions['setup'], fn: () => Promise<unknown>, teardown: PairedOptions['teardown']) {
  await setup?.();
  const t0 = performance.now();
  await fn();
  const ms = performance.now() - t0;
  await teardown?.();
  return ms;
}

export async function paired(o: PairedOptions): Promise<BenchRow> {
  const runs = o.runs ?? 15;
  for (let i = 0; i < (o.warmup ?? 2); i++) {
    await timed(o.setup, o.baseline, o.teardown);
    await timed(o.setup, o.candidate, o.teardown);
  }
  const cand: number[] = [];
  const base: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so neither always runs on a warmer (or more fragmented) heap.
    let b: number, c: number;
    if (i % 2 === 0) {
      b = await timed(o.setup, o.baseline, o.teardown);
      c = await timed(o.setup, o.candidate, o.teardown);
    } else {
      c = await timed(o.setup, o.candidate, o.teardown);
      b = await timed(o.setup, o.baseline, o.teardown);
    }
    cand.push(c);
    base.push(b);
    ratios.push(c / b);
  }
  return {
    name: o.name,
    items: o.items,
    candidateMs: median(cand),
    baselineMs: median(base),
    baselineName: o.baselineName,
    ratio: median(ratios),
    runs,
    ...(o.target !== undefined && { target: o.target }),
  };
}

/** Rendered markup as a plain tree (elements, attributes, text), captured once so a baseline can rebuild it by hand. */
export type MarkupNode = string | { tag: string; attrs: [string, string][]; kids: MarkupNode[] };

function capture(n: Node): MarkupNode | undefined {
  if (n.nodeType === Node.TEXT_NODE) return n.textContent ?? '';
  if (n.nodeType !== Node.ELEMENT_NODE) return undefined; // lit's marker comments
  const e = n as Element;
  return { tag: e.localName, attrs: [...e.attributes].map((a) => [a.name, a.value]), kids: [...e.childNodes].map(capture).filter((k): k is MarkupNode => k !== undefined) };
}

export const captureTree = (root: ParentNode): MarkupNode[] => [...root.childNodes].map(capture).filter((k): k is MarkupNode => k !== undefined);

function build(n: MarkupNode): Node {
  if (typeof n === 'string') return document.createTextNode(n);
  const e = n.tag === 'svg' || n.tag === 'line' || n.tag === 'polyline' || n.tag === 'circle' || n.tag === 'rect' ? document.createElementNS('http://www.w3.org/2000/svg', n.tag) : document.createElement(n.tag);
  for (const [k, v] of n.attrs) e.setAttribute(k, v);
  for (const k of n.kids) e.append(build(k));
  return e;
}

/** The vanilla-DOM baseline: the same markup built with createElement, setAttribute and append. */
export const buildTree = (tree: readonly MarkupNode[]): Node[] => tree.map(build);

/** Element and text nodes under a root, walking into open shadow roots (comments, such as lit's markers, aside). */
export function nodeCount(root: Node): number {
  let n = 0;
  const walk = (x: Node) => {
    for (let c = x.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== Node.COMMENT_NODE) n++;
      walk(c);
      const shadow = (c as Element).shadowRoot;
      if (shadow) walk(shadow);
    }
  };
  walk(root);
  return n;
}

/** The heap after collecting garbage: JS (V8) and, where Chromium reports it, the DOM's (Blink's own heap). */
type HeapReading = { js: number; dom: number };
const exactHeap = (globalThis as { __strkitHeap?: () => Promise<HeapReading> }).__strkitHeap;
const usedHeap = async (): Promise<HeapReading> => {
  if (exactHeap) return exactHeap();
  (globalThis as { gc?: () => void }).gc?.();
  return { js: (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize, dom: 0 };
};

export interface HeapAdded {
  /** Median JS heap added, in MiB. */
  readonly mib: number;
  /** Median DOM (Blink) heap added, in MiB (0 where not reported). */
  readonly domMib: number;
  readonly text: string;
}

/**
 * Heap added by `make` (which returns its own teardown): garbage collected, then the heap read, before and after,
 * through the DevTools protocol when bench/run.mjs provides it (exact to the byte), otherwise `performance.memory`
 * after gc() (rounded). The median of `samples` runs, in MiB, with the spread.
 */
export async function heapAdded(make: () => Promise<() => void>, samples = 7): Promise<HeapAdded> {
  const js: number[] = [];
  const dom: number[] = [];
  for (let i = 0; i < samples; i++) {
    const before = await usedHeap();
    const teardown = await make();
    const after = await usedHeap();
    js.push((after.js - before.js) / 1048576);
    dom.push((after.dom - before.dom) / 1048576);
    teardown();
    // What the teardown let go of (observers, frame callbacks still holding it) is let go before the next reading.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 200)));
  }
  const mib = median(js);
  const domMib = median(dom);
  const range = `${Math.min(...js).toFixed(3)}–${Math.max(...js).toFixed(3)}`;
  const how = exactHeap ? 'DevTools protocol, after garbage collection' : 'performance.memory: rounded';
  return { mib, domMib, text: `${mib.toFixed(3)} MiB JS (range ${range}; DOM heap ${domMib.toFixed(3)} MiB; ${how})` };
}

/**
 * Heap added by a candidate and by its baseline, measured alternately `samples` times each after one unrecorded pair
 * (so neither always runs on a warmer heap): both medians in MiB and the median of the per-pair ratios (JS heap).
 */
export async function heapPaired(candidate: () => Promise<() => void>, baseline: () => Promise<() => void>, samples = 7): Promise<{ candidate: HeapAdded; baseline: HeapAdded; ratio: number }> {
  const c: HeapAdded[] = [];
  const b: HeapAdded[] = [];
  // One pair unrecorded first: what earlier benchmarks left to be let go of is let go of here, not inside a reading.
  await heapAdded(baseline, 1);
  await heapAdded(candidate, 1);
  for (let i = 0; i < samples; i++) {
    if (i % 2 === 0) {
      b.push(await heapAdded(baseline, 1));
      c.push(await heapAdded(candidate, 1));
    } else {
      c.push(await heapAdded(candidate, 1));
      b.push(await heapAdded(baseline, 1));
    }
  }
  const summary = (xs: HeapAdded[]): HeapAdded => {
    const js = xs.map((x) => x.mib);
    const mib = median(js);
    const domMib = median(xs.map((x) => x.domMib));
    return { mib, domMib, text: `${mib.toFixed(3)} MiB JS (range ${Math.min(...js).toFixed(3)}–${Math.max(...js).toFixed(3)}; DOM heap ${domMib.toFixed(3)} MiB)` };
  };
  return { candidate: summary(c), baseline: summary(b), ratio: median(c.map((x, i) => x.mib / b[i]!.mib)) };
}
