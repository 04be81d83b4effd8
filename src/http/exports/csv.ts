// CSV as RFC 4180 writes it, and how list-valued columns are flattened into one field.
import type { Citation } from '../../domain/citation.js';

/**
 * One CSV field (RFC 4180): quoted when it holds a double quote, a comma, CR or LF, with double
 * quotes doubled. null and undefined are empty fields.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record, ended by CRLF (RFC 4180). */
export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/**
 * List-valued columns join their items with a line feed (inside the quoted field). The seed forbids
 * control characters in every text, so an item never holds one. A citation is "source | locator | confidence".
 */
export const LIST_SEPARATOR = '\n';
export const joinList = (items: readonly string[] | null | undefined) => (items ?? []).join(LIST_SEPARATOR);
export const citationLine = (c: Citation) => `${c.source} | ${c.locator} | ${c.confidence}`;
export const citationsOf = (json: string | null | undefined): Citation[] => JSON.parse(json ?? '[]') as Citation[];
