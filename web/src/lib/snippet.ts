// Search snippets may carry highlight markup; only the highlight survives, everything else is
// text (never HTML), so a snippet cannot inject markup into the page.

export interface SnippetPart {
  text: string;
  highlighted: boolean;
}

const MARK = /<\s*(\/?)\s*(em|mark|b|strong|hl)\s*>/gi;

export function snippetParts(snippet: string, query?: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let highlighted = false;
  let last = 0;
  let found = false;
  for (const match of snippet.matchAll(MARK)) {
    found = true;
    if (match.index! > last) parts.push({ text: decodeEntities(snippet.slice(last, match.index)), highlighted });
    highlighted = match[1] !== '/';
    last = match.index! + match[0].length;
  }
  if (last < snippet.length) parts.push({ text: decodeEntities(snippet.slice(last)), highlighted });
  if (found || !query) return merge(parts);
  return highlightTerms(parts.map((p) => p.text).join(''), query);
}

/** Marks the query's words where the service sent plain text. */
export function highlightTerms(text: string, query: string): SnippetPart[] {
  const words = query
    .split(/[\s,]+/)
    // field filters (type:table) are not words of the text
    .filter((w) => !/^[a-z]+:/i.test(w))
    .map((w) => w.replace(/["*]/g, ''))
    .filter((w) => w.length > 0);
  if (words.length === 0) return [{ text, highlighted: false }];
  const pattern = new RegExp(`(${words.map(escapeRegExp).join('|')})`, 'gi');
  return merge(
    text
      .split(pattern)
      .filter((piece) => piece.length > 0)
      .map((piece) => ({ text: piece, highlighted: words.some((w) => w.toLowerCase() === piece.toLowerCase()) })),
  );
}

function merge(parts: SnippetPart[]): SnippetPart[] {
  const merged: SnippetPart[] = [];
  for (const part of parts) {
    const previous = merged[merged.length - 1];
    if (previous && previous.highlighted === part.highlighted) previous.text += part.text;
    else if (part.text) merged.push({ ...part });
  }
  return merged;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
