// A React 19 host app as a vendor writes it, from the `npm pack` output only. scripts/consumer.mjs type-checks it with
// `strict` (the `@ts-expect-error` lines are negative controls: each is an error only while the typing is exact, and
// an unused one fails the check) and runs it, bundled by esbuild, in Chromium under the strict CSP. It reports on
// <html data-consumer>: "ready" once every check below passed, else the failure.
import { createClient, memoryStore } from '@strkit/sdk';
import type { ContactSavedEvent } from '@strkit/components';
import type {} from '@strkit/components/jsx';
import { StrCarePlan, StrContactLog, StrProvider } from '@strkit/components/react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

const report = (state: string) => {
  document.documentElement.dataset.consumer = state;
};

/** Event ids each handler saw, so the test can tell the wrapper's typed prop and the JSX one both fired. */
const seen: string[] = [];

function onSaved(e: ContactSavedEvent) {
  const id: string = e.detail.id;
  const version: string = e.detail.version;
  seen.push(`wrapper:${id}@${version}`);
}

function App({ client, personId }: { client: ReturnType<typeof createClient>; personId: string }) {
  return (
    <StrProvider client={client}>
      <StrContactLog id="wrapped" serviceUserId={personId} onStrContactSaved={onSaved} />
      <StrCarePlan serviceUserId={personId} readonly />
      <str-contact-log
        id="intrinsic"
        service-user-id={personId}
        onstr-contact-saved={(e) => {
          seen.push(`jsx:${e.detail.id}`);
        }}
      />
    </StrProvider>
  );
}

/** Never rendered: only type-checked, so each line must be an error for the check to pass. */
export function NegativeControls({ personId }: { personId: string }) {
  return (
    <>
      {/* @ts-expect-error a misspelt event prop is not a prop of the wrapper */}
      <StrContactLog serviceUserId={personId} onStrContactSavd={onSaved} />
      <StrContactLog
        onStrContactSaved={(e) => {
          // @ts-expect-error the notification carries ids and a version only: no such detail field
          void e.detail.contactId;
        }}
      />
      {/* @ts-expect-error serviceUserId is a string */}
      <StrContactLog serviceUserId={42} />
      <str-contact-log
        onstr-contact-saved={(e) => {
          // @ts-expect-error the JSX element's event is typed too: no such detail field
          void e.detail.contactId;
        }}
      />
      {/* @ts-expect-error readonly is a boolean property */}
      <str-contact-log readonly="yes" />
    </>
  );
}

async function main() {
  const client = createClient({ store: memoryStore(), actor: { id: 'consumer-lead', role: 'team-lead' } });
  const person = await client.serviceUsers.create({ displayName: 'React Consumer Test Person' });
  const root = createRoot(document.getElementById('root')!);
  flushSync(() => root.render(<App client={client} personId={person.id} />));

  const wrapped = document.getElementById('wrapped') as HTMLElementTagNameMap['str-contact-log'] | null;
  const intrinsic = document.getElementById('intrinsic') as HTMLElementTagNameMap['str-contact-log'] | null;
  const plan = document.querySelector('str-care-plan');
  if (!wrapped || !intrinsic || !plan) throw new Error('an element did not render');
  // Props reach the element as properties (the client through <str-provider>'s context).
  if (wrapped.serviceUserId !== person.id || intrinsic.serviceUserId !== person.id) throw new Error('serviceUserId not set');
  if (!plan.readonly) throw new Error('readonly not set');
  for (const el of [wrapped, intrinsic, plan]) {
    await el.updateComplete;
    if (!el.shadowRoot?.childElementCount) throw new Error(`${el.localName} rendered nothing`);
  }

  // A notification as the element fires it (ids and version only) reaches each typed handler once.
  const notice = { type: 'contact', id: 'contact-1', version: '1', serviceUserId: person.id };
  for (const el of [wrapped, intrinsic]) el.dispatchEvent(new CustomEvent('str-contact-saved', { detail: notice, bubbles: true, composed: true }));
  if (seen.join(' ') !== 'wrapper:contact-1@1 jsx:contact-1') throw new Error(`handlers saw: ${seen.join(' ') || 'nothing'}`);
  root.unmount();
  report('ready');
}

main().catch((e: unknown) => report(`failed: ${e instanceof Error ? `${e.name} ${e.message}` : String(e)}`));
