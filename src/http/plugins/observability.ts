// An Apollo plugin that logs each operation (with the request id, never the variables) and counts
// it in the metrics; it also refuses queries over the cost limit once their variables are known,
// and turns an all-unavailable answer into HTTP 503 where the GraphQL-over-HTTP spec allows it.
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import type { GraphSnapshot } from '../../cache/graph-version-watch.js';
import type { Limits } from '../../config/settings.js';
import { ErrorCode } from '../../domain/error-codes.js';
import type { RequestContext } from '../../graphql/context.js';
import { isDatabaseUnavailable, isTransactionTimeout } from '../../neo4j/unavailable.js';
import { costFailure, queryCost, refusal } from '../limits.js';
import type { Metrics } from '../metrics.js';

export interface RequestMeta {
  readonly requestId: string;
  readonly logger: Logger;
  readonly startedAt: number;
  /** The graph's version when the request came in (src/cache/graph-version-watch.ts). */
  graph?: GraphSnapshot;
  /** Set by the response cache plugin on an answer without errors: its text and operation label. */
  answer?: { readonly text: string; readonly operation: string };
}

export function observabilityPlugin(limits: Limits, metrics: Metrics): ApolloServerPlugin<RequestContext & { meta?: RequestMeta }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName }) {
          let cost: number;
          try {
            cost = queryCost(schema, document, request.variables, operationName);
          } catch (e) {
            throw costFailure(e, limits);
          }
          if (cost > limits.maxCost) throw refusal('cost', limits.maxCost, cost, 'the number of nodes the query may return (nested page sizes multiplied)');
        },
        async didEncounterErrors({ contextValue, errors }) {
          // What clients see masked (src/http/errors.ts) is logged here in full, for operators.
          for (const e of errors) {
            const code = e.extensions?.code;
            // Neo4j being away is counted (outcome unavailable), not logged per request; a deadline
            // passed is the request's outcome (DEADLINE_EXCEEDED in its log line), not a bug.
            if (isDatabaseUnavailable(e.originalError) || isTransactionTimeout(e.originalError)) continue;
            if (code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR) contextValue?.meta?.logger.error({ err: e.originalError ?? e, path: e.path }, 'unexpected error');
          }
        },
        async willSendResponse({ contextValue, response, errors, operationName, request }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const codes = (body?.errors ?? []).map((e) => e.extensions?.code);
          const limits = (body?.errors ?? []).map((e) => e.extensions?.limit).filter((l): l is string => typeof l === 'string');
          const outcome =
            codes.length === 0 ? 'ok' : limits.length > 0 || codes.includes(ErrorCode.QUERY_LIMIT_EXCEEDED) ? 'refused' : codes.every((c) => c === ErrorCode.SERVICE_UNAVAILABLE) ? 'unavailable' : 'error';
          const accept = request.http?.headers.get('accept') ?? '';
          if (outcome === 'unavailable') {
            // When to try again: Neo4j is probed every 250 ms while down; a second is a fair wait.
            response.http.headers.set('retry-after', '1');
            if (body && body.data == null && accept.includes('application/graphql-response+json')) response.http.status = 503;
          }
          for (const limit of limits) metrics.refusals.inc({ limit });
          const meta = contextValue?.meta;
          const operation = metrics.operationLabel(operationName ?? request.operationName);
          metrics.requests.inc({ operation, outcome });
          if (meta) {
            const seconds = (performance.now() - meta.startedAt) / 1000;
            metrics.latency.observe({ operation }, seconds);
            meta.logger.info(
              { operation: operationName ?? request.operationName ?? null, outcome, ms: Math.round(seconds * 1000), roundTrips: contextValue.db?.roundTrips ?? 0, errors: errors?.length ?? 0 },
              'graphql request',
            );
          }
        },
      };
    },
  };
}
