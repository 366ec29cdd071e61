// The catalogues as XLIFF 1.2 for translators (docs/i18n/README.md, "For a translator"): one file per catalogue and
// shipped language, en-GB source and the shipped translation as target. A plural message is a group with one unit
// per plural category of the target language (`Intl.PluralRules`), each with the English form for that category (or
// `other`) as its source. `{placeholders}` stay as written. Made by `npm run xliff`; xliff.test.ts fails when the
// files in l10n/xliff/ are out of step with the catalogues.
import type { Catalogue, Message } from '../../packages/components/src/l10n/catalogue.js';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (text: string) => escape(text).replace(/"/g, '&quot;');

const unit = (id: string, source: string, target: string) =>
  `      <trans-unit id="${attr(id)}" xml:space="preserve">\n        <source>${escape(source)}</source>\n        <target state="needs-review-translation">${escape(target)}</target>\n      </trans-unit>\n`;

/** One catalogue in one language as an XLIFF 1.2 document. */
export function xliffOf(c: Catalogue, locale: string, translation: Readonly<Record<string, Message>>): string {
  const order: readonly Intl.LDMLPluralRule[] = ['zero', 'one', 'two', 'few', 'many', 'other'];
  const known = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const categories = order.filter((cat) => known.includes(cat));
  let body = '';
  for (const [id, source] of Object.entries(c.source)) {
    const target = translation[id];
    if (typeof source === 'string') {
      body += unit(id, source, typeof target === 'string' ? target : '');
      continue;
    }
    body += `      <group id="${attr(id)}" restype="x-gettext-plurals">\n`;
    for (const cat of categories) {
      const to = typeof target === 'object' ? (target[cat] ?? '') : '';
      body += unit(`${id}[${cat}]`, source[cat] ?? source.other, to).replace(/^ {6}/gm, '        ');
    }
    body += '      </group>\n';
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="${attr(c.ns)}" source-language="en-GB" target-language="${attr(locale)}" datatype="plaintext">
    <body>
${body}    </body>
  </file>
</xliff>
`;
}

/** Every shipped translation of these catalogues: file name (`<namespace>.<locale>.xlf`) → its XLIFF. */
export async function xliffFiles(catalogues: readonly Catalogue[]): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const c of catalogues) {
    for (const [locale, load] of Object.entries(c.locales)) {
      files[`${c.ns}.${locale}.xlf`] = xliffOf(c, locale, (await load()).default as Readonly<Record<string, Message>>);
    }
  }
  return files;
}
