// Whole answers kept per version of the graph, in this process's memory: dashboards send the same
// few queries again and again, and the graph changes only when the seed loader writes it.
//
// A query's answer is keyed by its text (Apollo's queryHash), operation name and variables, and
// stored with the graph's version (src/cypher/graph-version.ts) read BEFORE it was computed. A
// later request reads the version again (one small round trip) and takes the stored answer only
// when it is the same. Why that is never stale: every load raises the version (a batched load as
// soon as it starts), so an equal version means no load began between the first read and now; the
// stored answer was computed after the first read, hence from exactly that graph. Answers with
// errors are not kept; neither is anything while the version is unknown (no stamp, a load running).
// Answers are kept as the JSON text sent (a hit is not serialized again, and memory is bounded by what
// is kept, not by an estimate of objects), least recently used first out.
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { graphVersion } from '../analysis-cache.js';
import type { RequestContext } from '../context.js';

/** Response header that says how the answer was made: hit, miss (computed, maybe kept) or off. */
export const CACHE_HEADER = 'x-response-cache';

interface Entry {
  readonly version: string;
  /** The response body, as sent. */
  readonly text: string;
}

/** The response body Apollo Server writes for `result` (its field order and trailing newline). */
function serialize(result: FormattedExecutionResult): string {
  return JSON.stringify({ errors: result.errors, data: result.data, extensions: result.extensions }) + '\n';
}

/**
 * Texts already made for an answer, by its `data` object: the one thing of a result that Apollo passes
 * on unchanged to `stringifyResult` (it copies the result itself to order its fields).
 */
const madeTexts = new WeakMap<object, string>();

/**
 * The `stringifyResult` of the API's Apollo Server: the text kept for a cached answer or made when it
 * was stored, else plain JSON as Apollo would write it.
 */
export function stringifyResult(result: FormattedExecutionResult): string {
  return (result.data && madeTexts.get(result.data)) || serialize(result);
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    /** Total size of the answers' texts kept (JSON characters, about bytes). */
    readonly maxBytes: number,
    /** A single answer larger than this is served but not kept (default: an eighth of the total). */
    readonly maxEntryBytes = Math.floor(maxBytes / 8),
  ) {}

  get size(): { readonly entries: number; readonly bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  /** The answer's text kept for `key` at `version`; an entry of another version is dropped. */
  get(key: string, version: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.version !== version) {
      this.bytes -= entry.text.length;
      return undefined;
    }
    this.entries.set(key, entry); // most recently used last
    return entry.text;
  }

  /** Keeps the answer's text (the response body); false when it is larger than one entry may be. */
  set(key: string, version: string, text: string): boolean {
    if (text.length > this.maxEntryBytes) return false;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.text.length;
    }
    this.entries.set(key, { version, text });
    this.bytes += text.length;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.text.length;
    }
    return true;
  }
}

export interface CacheCounters {
  /** Called once per query operation with how it was answered. */
  count(outcome: 'hit' | 'miss'): void;
}

/** The Apollo plugin: answers from the cache before execution, keeps what execution answered. */
export function responseCachePlugin(cache: ResponseCache, counters: CacheCounters): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let key: string | undefined;
      let version: string | null = null;
      let hit = false;
      return {
        async responseForOperation({ request, queryHash, operationName, operation, contextValue }) {
          if (operation.operation !== 'query') return null;
          key = `${queryHash}\u0000${operationName ?? ''}\u0000${JSON.stringify(request.variables ?? {})}`;
          // A failed read (Neo4j away, deadline) means no cache: execution then fails with the right error.
          version = await graphVersion(contextValue.db).catch(() => null);
          const text = version === null ? undefined : cache.get(key, version);
          if (text === undefined) return null;
          hit = true;
          // The answer goes out as the kept text (stringifyResult finds it by this `data` object); what
          // plugins see of a hit is an answer without errors, which it is.
          const data = {};
          madeTexts.set(data, text);
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
        },
        async willSendResponse({ response }) {
          if (key === undefined) return;
          response.http.headers.set(CACHE_HEADER, hit ? 'hit' : 'miss');
          counters.count(hit ? 'hit' : 'miss');
          if (hit || version === null || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors?.length || result.data == null) return;
          const text = serialize(result);
          // Made once: Apollo sends this same text (stringifyResult) whether or not it is kept.
          madeTexts.set(result.data, text);
          cache.set(key, version, text);
        },
      };
    },
  };
}
