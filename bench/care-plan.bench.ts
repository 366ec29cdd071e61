// <str-care-plan> with 500 tasks: cold render to layout against a vanilla-DOM build of the same markup (same styles,
// same shadow root), and "complete one task" → DOM updated, against a vanilla-DOM update of the same row.
import type { StrCarePlan } from '../packages/components/src/care-plan/care-plan.js';
import { largePlan } from '../packages/components/src/care-plan/care-plan.fixtures.js';
import '../packages/components/src/define/str-care-plan.js';
import { buildTree, captureTree, paired, type BenchRow } from './harness.js';

const f = largePlan(500);
const clock = { now: () => new Date('2026-06-05T16:00:00Z') };

let host: HTMLElement;
const layout = (root: Element | ShadowRoot) => (root as ParentNode).firstElementChild!.getBoundingClientRect().height;

function mount(): StrCarePlan {
  const el = document.createElement('str-care-plan');
  Object.assign(el, { clock, plan: f.plan, goals: f.goals, tasks: f.tasks, notes: f.notes, actorId: 'story-worker' });
  host.append(el);
  return el;
}

export async function run(): Promise<BenchRow[]> {
  host = document.createElement('div');
  document.body.append(host);
  const sample = mount();
  await sample.updateComplete;
  const sheets = sample.shadowRoot!.adoptedStyleSheets;
  const tree = captureTree(sample.shadowRoot!);
  const rows = sample.shadowRoot!.querySelectorAll('li[data-task-id]').length;
  if (rows !== 500) throw new Error(`expected 500 task rows, got ${rows}`);
  sample.remove();

  const cold = await paired({
    name: '<str-care-plan>: 500 tasks → cold render to layout',
    baselineName: 'vanilla DOM build of the same markup and styles',
    items: 500,
    runs: 15,
    warmup: 2,
    setup: () => host.replaceChildren(),
    candidate: async () => {
      const el = mount();
      await el.updateComplete;
      layout(el.shadowRoot!);
    },
    baseline: async () => {
      const div = document.createElement('div');
      const root = div.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = sheets;
      root.append(...buildTree(tree));
      host.append(div);
      layout(root);
    },
    target: 1.5,
  });

  // Complete one task: the host (or the client, once stored) hands the element the changed task; time to DOM updated.
  host.replaceChildren();
  const el = mount();
  await el.updateComplete;
  const vanilla = document.createElement('div');
  const vroot = vanilla.attachShadow({ mode: 'open' });
  vroot.adoptedStyleSheets = sheets;
  vroot.append(...buildTree(tree));
  host.append(vanilla);
  const open = f.tasks.filter((t) => t.status === 'in-progress');
  let k = 0;
  const complete = await paired({
    name: '<str-care-plan>: complete one task of 500 → DOM updated',
    baselineName: 'vanilla DOM: set the row\u2019s status tag and button',
    items: 1,
    runs: 41,
    warmup: 5,
    candidate: async () => {
      const t = open[k++ % open.length]!;
      const done = el.tasks.map((x) => (x.id === t.id ? { ...x, status: x.status === 'completed' ? ('in-progress' as const) : ('completed' as const), lastDoneOn: '2026-06-05' } : x));
      el.tasks = done;
      await el.updateComplete;
      if (!el.shadowRoot!.querySelector(`li[data-task-id="${t.id}"] .tag`)) throw new Error('row missing');
    },
    baseline: async () => {
      const t = open[k % open.length]!;
      const row = vroot.querySelector(`li[data-task-id="${t.id}"]`)!;
      const tag = row.querySelector('.tag')!;
      const completed = tag.textContent === 'Completed';
      tag.textContent = completed ? 'In progress' : 'Completed';
      tag.className = completed ? 'tag tag-in-progress' : 'tag tag-completed';
      const button = row.querySelector('.actions button')!;
      button.firstChild!.textContent = completed ? 'Mark complete' : 'Reopen';
    },
  });
  host.remove();
  return [cold, { ...complete, extra: `target ≤ 1.5 ms absolute: ${complete.candidateMs <= 1.5 ? 'met' : 'missed'}` }];
}
