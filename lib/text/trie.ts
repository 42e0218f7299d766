interface TrieNode {
  kids: Map<string, TrieNode>;
  end: boolean;
}

/**
 * Regex source (no flags needed) for literal phrases as a prefix trie, so each position tries a few branches, not every
 * phrase; whitespace matches any run, apostrophes either form.
 */
export function phraseTrie(texts: string[]): string {
  const root: TrieNode = { kids: new Map(), end: false };
  for (const text of texts) {
    let node = root;
    for (const piece of text.match(/\s+|['’]|[^\s'’]/g) ?? []) {
      const key = /\s/.test(piece)
        ? '\\s+'
        : /['’]/.test(piece)
          ? "['’]"
          : piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      let next = node.kids.get(key);
      if (!next) node.kids.set(key, (next = { kids: new Map(), end: false }));
      node = next;
    }
    node.end = true;
  }
  // A greedy optional continuation makes the trie prefer the longest phrase, as the longest-first alternation does.
  const emit = (node: TrieNode): string => {
    const branches = [...node.kids].map(([key, kid]) => key + emit(kid));
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return emit(root);
}
