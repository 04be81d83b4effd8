// The response cache's Apollo plugin (the cache itself: src/cache/response-cache.ts): answers a
// repeated query from the cache before execution, and keeps what execution answered.
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { RequestContext } from '../../graphql/context.js';
import type { ResponseCache } from '../../cache/response-cache.js';
import { graphVersion } from '../../repos/dataset.js';

/** Response header that says how the answer was made: hit, miss (computed, maybe kept) or off. */
export const CACHE_HEADER = 'x-response-cache';

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
