// Whole answers kept per version of the graph, in this process's memory: dashboards send the same
// few queries again and again, and the graph changes only when the seed loader writes it.
//
// A query's answer is keyed by its text (Apollo's queryHash), operation name and variables, and
// stored with the graph's version (src/cypher/answer-version.ts) read BEFORE it was computed. A
// later request reads the version again (one small round trip) and takes the stored answer only
// when it is the same. Why that is never stale: every load raises the version (a batched load as
// soon as it starts), so an equal version means no load began between the first read and now; the
// stored answer was computed after the first read, hence from exactly that graph. Answers with
// errors are not kept; neither is anything while the version is unknown (no stamp, a load running).
// Memory is bounded by bytes (the JSON size of the answers), least recently used first out.
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { ANSWER_VERSION } from '../cypher/answer-version.js';
import type { RequestContext } from '../context.js';
import type { RequestDb } from '../neo4j/request-db.js';

/** Response header that says how the answer was made: hit, miss (computed, maybe kept) or off. */
export const CACHE_HEADER = 'x-response-cache';

interface Entry {
  readonly version: string;
  readonly result: FormattedExecutionResult;
  readonly bytes: number;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    /** Total JSON bytes of the answers kept. */
    readonly maxBytes: number,
    /** A single answer larger than this is served but not kept (default: an eighth of the total). */
    readonly maxEntryBytes = Math.floor(maxBytes / 8),
  ) {}

  get size(): { readonly entries: number; readonly bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  /** The answer kept for `key` at `version`; an entry of another version is dropped. */
  get(key: string, version: string): FormattedExecutionResult | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.version !== version) {
      this.bytes -= entry.bytes;
      return undefined;
    }
    this.entries.set(key, entry); // most recently used last
    return entry.result;
  }

  set(key: string, version: string, result: FormattedExecutionResult): void {
    const bytes = JSON.stringify(result).length;
    if (bytes > this.maxEntryBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.bytes;
    }
    this.entries.set(key, { version, result, bytes });
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
  }
}

async function answerVersion(db: RequestDb): Promise<string | null> {
  const res = await db.read<{ version: string | null }>(ANSWER_VERSION);
  return res.records[0]?.get('version') ?? null;
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
          version = await answerVersion(contextValue.db).catch(() => null);
          const result = version === null ? undefined : cache.get(key, version);
          if (!result) return null;
          hit = true;
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: result } };
        },
        async willSendResponse({ response }) {
          if (key === undefined) return;
          response.http.headers.set(CACHE_HEADER, hit ? 'hit' : 'miss');
          counters.count(hit ? 'hit' : 'miss');
          if (hit || version === null || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors?.length || result.data == null) return;
          cache.set(key, version, result);
        },
      };
    },
  };
}
