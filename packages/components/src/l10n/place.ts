// A filled message with elements in it (issue 20): a render module that puts a sign's words in `<bdi>` or a date in
// `<time>` fills the rest of the message as text and drops its element where the `{placeholder}` stands, so the
// words around it keep the translation's order. The message stays plain text: only the caller's templates are markup.
import type { TemplateResult } from 'lit';

/**
 * `text` (a message filled without these params, so their `{name}`s are still in it) with each `{name}` in `parts`
 * replaced by its template; any other text stays text. A translation or override that leaves a placeholder out
 * simply shows no element there.
 */
export function place(text: string, parts: Readonly<Record<string, TemplateResult>>): (string | TemplateResult)[] {
  return text.split(/(\{\w+\})/).map((piece, i) => (i % 2 ? (parts[piece.slice(1, -1)] ?? piece) : piece)).filter((p) => p !== '');
}
