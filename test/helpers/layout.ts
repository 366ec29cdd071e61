// Layout checks shared by the phone tests (issue 17): which words of a widget are drawn broken across two lines.

/** Every text node in `root`, through open shadow roots, that is rendered (not inside a closed details or hidden). */
export function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walk = (n: Node) => {
    if (n instanceof Text) {
      if (n.data.trim()) out.push(n);
      return;
    }
    if (n instanceof Element && (n.matches('.visually-hidden, option, style, script, textarea') || n.getClientRects().length === 0)) return;
    for (const child of (n instanceof Element && n.shadowRoot ? n.shadowRoot : n).childNodes) walk(child);
  };
  walk(root);
  return out;
}

/**
 * The words of `root`'s text that are drawn across more than one line. Words are split at spaces and hyphens (a
 * line may break after a hyphen); a word is broken when its Range draws boxes at two different heights.
 */
export function brokenWords(root: Node): string[] {
  const broken: string[] = [];
  for (const node of textNodes(root)) {
    for (const m of node.data.matchAll(/[^\s\-–—/]+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}
