// Finding words in notes as a worker types them: "Rhys" finds "Rhŷs" and "RHŶS", whether the accent was typed as one
// character (U+0177) or as y + a combining circumflex (U+0302). Nothing stored is changed; only the comparison folds.

/** The form two texts are compared in: canonical decomposition, accents (Mn) dropped, recomposed, lower case. */
export const searchKey = (s: string): string => s.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC').toLocaleLowerCase('en-GB');

/** Whether `text` contains `query`, ignoring case, accents and how they were encoded. A blank query matches all. */
export function textMatches(text: string, query: string): boolean {
  const q = searchKey(query.trim());
  return q === '' || searchKey(text).includes(q);
}
