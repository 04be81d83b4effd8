// One span per Cypher round trip of a request, child of the request's GraphQL operation span.
// The per-request RequestDb (src/neo4j/request-db.ts) holds one of these while tracing is on.
import { context, SpanKind, SpanStatusCode, trace, type Context, type Tracer } from '@opentelemetry/api';
import { ATTR } from './attributes.js';

/** Cypher text is parameterized in this code base (values travel as parameters, never inlined): safe to show, cut short. */
const MAX_QUERY_TEXT = 1000;

export class CypherSpans {
  /** Filled in by the operation span once the operation is known. */
  operationName: string | undefined;

  constructor(
    private readonly tracer: Tracer,
    /** The context holding the operation span: each Cypher span is its child. */
    private readonly parent: Context,
    private readonly datasetVersion: () => string | undefined,
    private readonly database?: string,
  ) {}

  async trace<T>(roundTrip: number, cypher: string, run: () => Promise<T>): Promise<T> {
    const version = this.datasetVersion();
    const span = this.tracer.startSpan(
      'neo4j read',
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'db.system.name': 'neo4j',
          ...(this.database ? { 'db.namespace': this.database } : {}),
          'db.query.text': cypher.trim().slice(0, MAX_QUERY_TEXT),
          [ATTR.roundTrip]: roundTrip,
          ...(this.operationName ? { [ATTR.operationName]: this.operationName } : {}),
          ...(version ? { [ATTR.datasetVersion]: version } : {}),
        },
      },
      this.parent,
    );
    try {
      return await context.with(trace.setSpan(this.parent, span), run);
    } catch (e) {
      // The error's code or name only: a driver message may quote parameter values.
      const code = (e as { code?: unknown } | null)?.code;
      span.setStatus({ code: SpanStatusCode.ERROR, message: typeof code === 'string' ? code : ((e as Error | null)?.name ?? 'Error') });
      throw e;
    } finally {
      span.end();
    }
  }
}
