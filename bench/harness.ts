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

const usedHeap = () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;

/**
 * JS heap added by `make` (which returns its own teardown), with gc() before and after when Chromium exposes it
 * (bench/run.mjs passes --expose-gc): the median of `samples` runs, in MiB.
 */
export async function heapAdded(make: () => Promise<() => void>, samples = 5): Promise<{ mib: number; text: string }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const added: number[] = [];
  for (let i = 0; i < samples; i++) {
    gc?.();
    const before = usedHeap();
    const teardown = await make();
    gc?.();
    added.push(usedHeap() - before);
    teardown();
  }
  const mib = median(added) / 1048576;
  return { mib, text: `${mib.toFixed(2)} MiB${gc ? '' : ' (no gc(): noisy)'}` };
}
