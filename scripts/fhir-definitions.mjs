// Loads STR Kit's conformance resources into a FHIR R4 server: a StructureDefinition for every STR extension (for the
// namespace the deployment configures) and the CapabilityStatement of what STR Kit needs. Or writes them as JSON.
//   npm run build && node scripts/fhir-definitions.mjs --base-url https://fhir.example.org/R4 [--namespace urn:strkit]
//   node scripts/fhir-definitions.mjs --out dir/ [--namespace …]
// A bearer token, where the server needs one, comes from the environment variable STRKIT_FHIR_TOKEN.
// Each resource is matched by its canonical url: updated where the server has it, created where not. docs/adr/0002.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const baseUrl = arg('base-url')?.replace(/\/+$/, '');
const out = arg('out');
const namespace = arg('namespace');
if (!baseUrl && !out) {
  console.error('Usage: node scripts/fhir-definitions.mjs --base-url <FHIR R4 base> | --out <dir> [--namespace <absolute URI>]');
  process.exit(2);
}

let sdk;
try {
  sdk = await import(pathToFileURL(resolve(import.meta.dirname, '../packages/sdk/dist/index.js')).href);
} catch {
  console.error('Build the SDK first: npm run build');
  process.exit(2);
}
const resources = [...sdk.strExtensionDefinitions(namespace), sdk.strCapabilityStatement()];

if (out) {
  mkdirSync(out, { recursive: true });
  for (const r of resources) writeFileSync(join(out, `${r.resourceType}-${r.id}.json`), `${JSON.stringify(r, null, 2)}\n`);
  console.log(`Wrote ${resources.length} resources to ${out}`);
}

if (baseUrl) {
  const headers = { 'content-type': 'application/fhir+json', accept: 'application/fhir+json' };
  if (process.env.STRKIT_FHIR_TOKEN) headers.authorization = `Bearer ${process.env.STRKIT_FHIR_TOKEN}`;
  let failed = 0;
  for (const r of resources) {
    const found = await fetch(`${baseUrl}/${r.resourceType}?url=${encodeURIComponent(r.url)}`, { headers });
    const existing = found.ok ? (await found.json()).entry?.map((e) => e.resource).filter((x) => x?.url === r.url) ?? [] : [];
    if (existing.length > 1) {
      console.error(`${r.resourceType} ${r.url}: ${existing.length} on the server already; left as they are`);
      failed++;
      continue;
    }
    const res = existing.length
      ? await fetch(`${baseUrl}/${r.resourceType}/${existing[0].id}`, { method: 'PUT', headers, body: JSON.stringify({ ...r, id: existing[0].id }) })
      : await fetch(`${baseUrl}/${r.resourceType}`, { method: 'POST', headers, body: JSON.stringify({ ...r, id: undefined }) }); // the server gives the id
    if (!res.ok) {
      console.error(`${r.resourceType} ${r.url}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
      failed++;
    } else console.log(`${existing.length ? 'updated' : 'created'} ${r.resourceType} ${r.url}`);
  }
  console.log(`${resources.length - failed} loaded, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
