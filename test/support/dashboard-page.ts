// Reading the dashboard's HTML page in tests (pure: no database). The page marks its figures with
// data- attributes: data-count="…" on the coverage counts, data-practice-id and data-score on the rows
// of a challenge's top practices.

const ENTITY = /&(amp|lt|gt|quot|#39);/g;
const DECODE: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

export function unescape(text: string): string {
  return text.replace(ENTITY, (_, name: string) => DECODE[name]!);
}

/** The coverage counts by their data-count key. */
export function pageCounts(html: string): Record<string, number> {
  return Object.fromEntries([...html.matchAll(/<td data-count="([^"]*)">([^<]*)<\/td>/g)].map((m) => [unescape(m[1]!), Number(m[2])]));
}

/** The cells of each derivation, by derivation. */
export function pageDerivations(html: string): Record<string, number> {
  return Object.fromEntries([...html.matchAll(/<td data-derivation="([^"]*)">([^<]*)<\/td>/g)].map((m) => [unescape(m[1]!), Number(m[2])]));
}

/** The rows of the top-practices table, in page order. */
export function pageTopPractices(html: string): { id: string; score: number }[] {
  const section = html.slice(html.indexOf('<section id="top-practices">'));
  return [...section.matchAll(/<tr data-practice-id="([^"]*)" data-score="([^"]*)">/g)].map((m) => ({ id: unescape(m[1]!), score: Number(unescape(m[2]!)) }));
}

/** The tags the render writes; anything else in the page came from data unescaped. */
const TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'p', 'section', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li', 'code', 'span', 'time', 'footer']);
const ATTRIBUTE = /^\s+[a-z-]+(="[^"<>]*")?/;

/**
 * Problems that data written into the page unescaped would cause: a tag the render never writes, an
 * attribute that is not name="value", a bare & that is no entity, a < or > in text. Empty when clean.
 */
export function markupProblems(html: string): string[] {
  const problems: string[] = [];
  const body = html.replace(/<style>[^<]*<\/style>/, '<style></style>').replace(/^<!doctype html>\n/, '');
  const text = body.replace(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>/g, (tag, close: string, name: string, rest: string) => {
    if (!TAGS.has(name.toLowerCase())) problems.push(`unexpected tag ${tag}`);
    let attrs = rest;
    while (attrs.trim() !== '') {
      const m = ATTRIBUTE.exec(attrs);
      if (!m || close) {
        problems.push(`malformed attributes in ${tag}`);
        break;
      }
      attrs = attrs.slice(m[0].length);
    }
    return ' ';
  });
  for (const m of text.matchAll(/[<>]|&(?!(amp|lt|gt|quot|#39);)/g)) problems.push(`raw ${m[0]} in text near ${JSON.stringify(text.slice(Math.max(0, m.index - 30), m.index + 30))}`);
  for (const m of body.matchAll(/&(?!(amp|lt|gt|quot|#39);)/g)) problems.push(`bare & near ${JSON.stringify(body.slice(Math.max(0, m.index - 30), m.index + 30))}`);
  return [...new Set(problems)];
}
