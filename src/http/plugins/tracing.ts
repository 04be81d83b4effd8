// The GraphQL operation's span (only installed while tracing is on): a child of the HTTP request's
// span through the active context, and the parent of the request's Cypher spans, which the request's
// RequestDb starts under it (src/observability/cypher-spans.ts). Names and codes only: never variables.
import type { ApolloServerPlugin } from '@apollo/server';
import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import type { RequestContext } from '../../graphql/context.js';
import { ATTR } from '../../observability/attributes.js';
import { CypherSpans } from '../../observability/cypher-spans.js';
import type { Tracing } from '../../observability/tracing.js';

export interface TracingPluginOptions {
  /** The graph's dataset version, when known (the Neo4j probe's last reading). */
  readonly datasetVersion: () => string | undefined;
  readonly database?: string;
}

export function tracingPlugin(tracing: Tracing, options: TracingPluginOptions): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const active = context.active();
      const span = tracing.tracer.startSpan('graphql', {}, active);
      const version = options.datasetVersion();
      if (version) span.setAttribute(ATTR.datasetVersion, version);
      const spans = new CypherSpans(tracing.tracer, trace.setSpan(active, span), options.datasetVersion, options.database);
      if (contextValue?.db) contextValue.db.spans = spans;
      return {
        async didResolveOperation({ operation, operationName }) {
          const name = operationName?.slice(0, 100);
          const type = operation?.operation ?? 'query';
          span.updateName(name ? `${type} ${name}` : type);
          span.setAttribute(ATTR.operationType, type);
          if (name) {
            span.setAttribute(ATTR.operationName, name);
            spans.operationName = name;
          }
        },
        async didEncounterErrors({ errors }) {
          const codes = [...new Set(errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')))];
          span.setAttribute(ATTR.errorCodes, codes.join(','));
          span.setStatus({ code: SpanStatusCode.ERROR, message: codes[0] });
        },
        async willSendResponse({ contextValue: ctx }) {
          span.setAttribute(ATTR.roundTrips, ctx?.db?.roundTrips ?? 0);
          span.end();
        },
      };
    },
  };
}
