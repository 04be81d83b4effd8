// The persisted-query extension checked before Apollo: Apollo answers a wrong one (an unsupported
// version, a hash that is not the query's, a hash that is not a string) with an error without a code,
// which would reach clients as INTERNAL_SERVER_ERROR and the log as a stack. They are the client's
// mistakes: 400 with PERSISTED_QUERY_* codes (or BAD_REQUEST for a malformed extension).
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../domain/error-codes.js';

const err = (message: string, code: ErrorCode) => new GraphQLError(message, { extensions: { code } });

/** What is wrong with the request's persistedQuery extension, if anything. */
export function checkPersistedQuery(extensions: unknown, query: unknown): GraphQLError | undefined {
  if (extensions === undefined || extensions === null || typeof extensions !== 'object' || Array.isArray(extensions)) return undefined;
  const pq = (extensions as { persistedQuery?: unknown }).persistedQuery;
  if (pq === undefined || pq === null) return undefined;
  if (typeof pq !== 'object' || Array.isArray(pq)) return err('extensions.persistedQuery must be an object with version and sha256Hash.', ErrorCode.BAD_REQUEST);
  const { version, sha256Hash } = pq as { version?: unknown; sha256Hash?: unknown };
  if (version !== 1) return err(`Unsupported persisted query version ${JSON.stringify(version ?? null)}: only version 1 is supported.`, ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED);
  if (typeof sha256Hash !== 'string' || !/^[0-9a-f]{64}$/i.test(sha256Hash)) return err('extensions.persistedQuery.sha256Hash must be the SHA-256 of the query, as 64 hexadecimal digits.', ErrorCode.BAD_REQUEST);
  if (typeof query === 'string' && createHash('sha256').update(query).digest('hex') !== sha256Hash.toLowerCase()) {
    return err('extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it.', ErrorCode.PERSISTED_QUERY_HASH_MISMATCH);
  }
  return undefined;
}

/** The extensions of a GET request (a JSON text in the query string), or undefined. */
export function getExtensions(url: URL): unknown {
  const text = url.searchParams.get('extensions');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
