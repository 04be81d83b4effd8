// Opaque keyset cursors: base64url of [sortKey, id]. Stable across pages and across restarts,
// because the order (sortKey, id) is a total order on stable values.
import { badInput } from '../domain/arguments.js';

export function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id]), 'utf8').toString('base64url');
}

export function decodeCursor(argument: string, cursor: string | null | undefined): { sortKey: string; id: string } | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { sortKey: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw badInput(argument, 'not a cursor returned by this API (use pageInfo.endCursor of the previous page)');
}
