// Shared by the summary benchmarks (caseload on IndexedDB and FHIR, team): a store that counts the records it gives,
// and a widget's first rows, timed until a row is drawn, paired against `baseline` in the same run.
import type { Store, StrClient } from '@strkit/sdk';
import '../packages/components/src/define/str-caseload.js';
import type { StrCaseload } from '../packages/components/src/caseload/caseload.js';
import { paired, type BenchRow } from './harness.js';

/** `store`, counting every record its lists and gets give back in `counter.read`. */
export function countingStore(store: Store, counter: { read: number }): Store {
  return {
    ...store, name: store.name, durability: store.durability,
    list: async (type, q) => {
      const page = await store.list(type, q);
      counter.read += page.items.length;
      return page;
    },
    get: async (type, id) => {
      const r = await store.get(type, id);
      if (r) counter.read++;
      return r;
    },
  };
}

export interface FirstRowsOptions {
  name: string;
  baselineName: string;
  items: number;
  client: () => StrClient;
  baseline: () => Promise<unknown>;
  /** The widget (default <str-caseload>), set up before it is added; and the row that counts as drawn. */
  tag?: string;
  prepare?: (el: HTMLElement) => void;
  row?: string;
}

export async function firstRows(o: FirstRowsOptions): Promise<BenchRow> {
  let host: HTMLDivElement | undefined;
  return paired({
    name: o.name,
    baselineName: o.baselineName,
    items: o.items,
    runs: 5,
    warmup: 1,
    setup: () => {
      host?.remove();
      host = document.body.appendChild(document.createElement('div'));
    },
    candidate: async () => {
      const el = document.createElement(o.tag ?? 'str-caseload') as StrCaseload;
      el.client = o.client();
      o.prepare?.(el);
      host!.append(el);
      while (!el.shadowRoot?.querySelector(o.row ?? '.person')) await new Promise((r) => requestAnimationFrame(r));
    },
    baseline: o.baseline,
    teardown: () => host?.remove(),
  });
}
