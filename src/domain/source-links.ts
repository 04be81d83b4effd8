// Where a reader finds a source, and the place in it a citation names: pure, from a Source's attributes
// (src/seed/schema.ts: a paper's url and optional pdfUrl, a catalogue's repository, file and commit).

/** The attributes of a Source entity that links are made from (all optional: a missing one gives no link). */
export interface SourceLinkAttributes {
  readonly url?: unknown;
  readonly pdfUrl?: unknown;
  readonly repository?: unknown;
  readonly file?: unknown;
  readonly commit?: unknown;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** A paper's url; a catalogue's file at the commit read. Null when the attributes give neither. */
export function sourceUrl(a: SourceLinkAttributes): string | null {
  const url = text(a.url);
  if (url) return url;
  const repository = text(a.repository);
  const file = text(a.file);
  const commit = text(a.commit);
  return repository && file && commit ? `${repository}/blob/${commit}/${file}` : null;
}

/**
 * The first page a locator names ("§4.2 C4, p.4", "Appendix, pp.11–12", "§4.2 p.20 l.993–1004"), or null.
 * Only `p.N` / `pp.N` count: section numbers and margin lines are not pages.
 */
export function pageOf(locator: string): number | null {
  const m = /(?:^|[\s,;(])pp?\.\s?(\d{1,4})\b/.exec(locator);
  return m ? Number(m[1]) : null;
}

/** The README line a catalogue locator names ("README.md §Data Pipeline l.183 @30a2582"), or null. */
export function lineOf(locator: string): number | null {
  const m = /(?:^|\s)l\.(\d{1,6})(?:\s|$)/.exec(locator);
  return m ? Number(m[1]) : null;
}

/**
 * A link to the place a citation names: the page of the PDF whose numbering the paper's locators use
 * (`pdfUrl#page=N`), a catalogue's line (`…/blob/<commit>/<file>#L<line>`), else the source itself.
 * A page is linked only where the source says which PDF its pages are; a paper without one links its
 * landing page whatever page the locator names.
 */
export function citationUrl(locator: string, a: SourceLinkAttributes): string | null {
  const pdf = text(a.pdfUrl);
  const page = pageOf(locator);
  if (pdf && page !== null) return `${pdf}#page=${page}`;
  const base = sourceUrl(a);
  const line = lineOf(locator);
  if (base && text(a.repository) && !text(a.url) && line !== null) return `${base}#L${line}`;
  return base;
}
