// One GraphQL operation run in-process through the API's own Apollo Server, for the MCP tools
// (src/mcp/): the same schema, validation rules (limits), plugins (cost, metrics, logs, response
// cache), request context (deadline, round trips, DataLoaders) and error formatting as POST /graphql.
// Only the HTTP framing differs. No second query path.
import { randomUUID } from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { Logger } from 'pino';
import type { GraphVersionWatch } from '../cache/graph-version-watch.js';
import { createContext, type RequestContext } from '../graphql/context.js';
import type { GraphQLExecutor } from '../mcp/types.js';
import type { Db } from '../neo4j/driver.js';
import type { RequestMeta } from './plugins/observability.js';
import { stringifyResult } from './plugins/response-cache.js';

export interface ExecutorOptions {
  readonly apollo: ApolloServer<RequestContext & { meta?: RequestMeta }>;
  readonly db: Db;
  readonly requestTimeoutMs: number;
  readonly watch: GraphVersionWatch;
  readonly logger: Logger;
}

export function createExecutor(o: ExecutorOptions): GraphQLExecutor {
  return async ({ query, operationName, variables }) => {
    const requestId = randomUUID();
    const meta: RequestMeta = {
      requestId,
      logger: o.logger.child({ reqId: requestId, via: 'mcp' }),
      startedAt: performance.now(),
      // The graph's version the response cache keys on, as the HTTP front door finds it.
      graph: o.watch.fresh() ?? (await o.watch.current()),
    };
    const response = await o.apollo.executeOperation({ query, operationName, variables }, { contextValue: { ...createContext(o.db, o.requestTimeoutMs), meta } });
    if (response.body.kind !== 'single') throw new Error(`operation ${operationName} answered incrementally`);
    // A response-cache hit carries its answer as the kept text (its `data` is a placeholder), so the
    // answer is read back from the text the HTTP path would send.
    return JSON.parse(stringifyResult(response.body.singleResult)) as FormattedExecutionResult;
  };
}
