// The worker's first rows, shared by the caseload benchmarks (IndexedDB and FHIR): a fresh <str-caseload> on `client()`,
// timed until a person's row is drawn, paired against `baseline` in the same run.
import type { StrClient } from '@strkit/sdk';
import '../packages/components/src/define/str-caseload.js';
import type { StrCaseload } from '../packages/components/src/caseload/caseload.js';
import { paired, type BenchRow } from './harness.js';

export async function firstRows(o: { name: string; baselineName: string; items: number; client: () => StrClient; baseline: () => Promise<unknown> }): Promise<BenchRow> {
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
      const el = document.createElement('str-caseload') as StrCaseload;
      el.client = o.client();
      host!.append(el);
      while (!el.shadowRoot?.querySelector('.person')) await new Promise((r) => requestAnimationFrame(r));
    },
    baseline: o.baseline,
    teardown: () => host?.remove(),
  });
}
