// The response cache's Apollo plugin (the cache itself: src/cache/response-cache.ts): answers a
// repeated query from the cache before execution, and keeps what execution answered. The graph's
// version is the one the request came in with (RequestMeta.graph, from src/cache/graph-version-watch.ts):
// no Cypher round trip. Requests recognised by their raw bytes are answered earlier still
// (src/http/raw-cache.ts); this plugin tells that front door which answers it may keep (meta.answer).
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { RequestContext } from '../../graphql/context.js';
import type { ResponseCache } from '../../cache/response-cache.js';
import type { GraphSnapshot } from '../../cache/graph-version-watch.js';
import type { RequestMeta } from './observability.js';

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

export interface CacheOptions {
  /** Called once per query operation with how it was answered. */
  count(outcome: 'hit' | 'miss'): void;
  /** Whether the graph's version is still the snapshot's (an answer computed since may be kept under it). */
  stillCurrent(snapshot: GraphSnapshot): boolean;
  /** The metrics label of an operation name. */
  operationLabel(name: string | null | undefined): string;
}

/**
 * The Apollo plugin: answers from the cache before execution, keeps what execution answered, and marks
 * every query answer without errors for the raw front door. With no cache (RESPONSE_CACHE_MB=0) it only
 * marks answers (their ETags need it).
 */
export function responseCachePlugin(cache: ResponseCache | undefined, options: CacheOptions): ApolloServerPlugin<RequestContext & { meta?: RequestMeta }> {
  return {
    async requestDidStart() {
      let key: string | undefined;
      let snapshot: GraphSnapshot | undefined;
      let hit = false;
      return {
        async responseForOperation({ request, queryHash, operationName, operation, contextValue }) {
          // No operation was chosen (operationName unknown or missing): Apollo answers that error itself.
          if (operation?.operation !== 'query') return null;
          key = `${queryHash}\u0000${operationName ?? ''}\u0000${JSON.stringify(request.variables ?? {})}`;
          snapshot = contextValue.meta?.graph;
          const version = snapshot?.version ?? null;
          const text = version === null || !cache ? undefined : cache.get(key, version);
          if (text === undefined) return null;
          hit = true;
          // The answer goes out as the kept text (stringifyResult finds it by this `data` object); what
          // plugins see of a hit is an answer without errors, which it is.
          const data = {};
          madeTexts.set(data, text);
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
        },
        async willSendResponse({ response, contextValue, operationName, request }) {
          if (key === undefined) return;
          if (cache) {
            response.http.headers.set(CACHE_HEADER, hit ? 'hit' : 'miss');
            options.count(hit ? 'hit' : 'miss');
          }
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors?.length || result.data == null) return;
          const text = (hit && madeTexts.get(result.data)) || serialize(result);
          // Made once: Apollo sends this same text (stringifyResult) whether or not it is kept.
          madeTexts.set(result.data, text);
          const meta = contextValue?.meta;
          if (meta) meta.answer = { text, operation: options.operationLabel(operationName ?? request.operationName) };
          const version = snapshot?.version ?? null;
          if (hit || !cache || version === null || !options.stillCurrent(snapshot!)) return;
          cache.set(key, version, text);
        },
      };
    },
  };
}
