// What an EPR keeps of a resource (issue 13's "EPR reader"), shared by the reader tests.
type Json = unknown;
/** What an EPR keeps: no narrative, and only HL7 (http://hl7.org/fhir/…) or UK Core (https://fhir.hl7.org.uk/…) extensions. */
export function readerView(value: Json): Json {
  const readable = (e: { url?: string }) => typeof e.url === 'string' && (e.url.startsWith('http://hl7.org/fhir/') || e.url.startsWith('https://fhir.hl7.org.uk/'));
  if (Array.isArray(value)) return value.map(readerView);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'text' && typeof v === 'object' && v !== null && 'div' in v) continue;
    if (k === 'extension' || k === 'modifierExtension') {
      const kept = (v as { url?: string }[]).filter(readable).map(readerView);
      if (kept.length) out[k] = kept;
      continue;
    }
    out[k] = readerView(v);
  }
  return out;
}

