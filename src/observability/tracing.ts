// Tracing with OpenTelemetry, or nothing at all. With an OTLP endpoint (OTEL_EXPORTER_OTLP_ENDPOINT)
// spans go out over OTLP/HTTP (protobuf) in batches; without one no SDK is started and no hook runs
// (the callers hold `undefined` and skip every tracing branch): tracing off costs nothing.
// Tests inject an exporter (an InMemorySpanExporter) through `exporter`, never through the environment.
import { context, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';

export interface TracingOptions {
  /** Base OTLP/HTTP endpoint (e.g. http://collector:4318); spans are posted to `${endpoint}/v1/traces`. */
  readonly otlpEndpoint?: string;
  /** Test-only: export every span at once to this exporter instead of OTLP. */
  readonly exporter?: SpanExporter;
  readonly serviceName?: string;
}

export interface Tracing {
  readonly tracer: Tracer;
  /** Sends what is buffered (the batch processor holds spans up to 5 s). */
  flush(): Promise<void>;
  /** Flushes and stops exporting. */
  shutdown(): Promise<void>;
}

/** The OTLP/HTTP traces URL for a base endpoint, as the OTLP exporter specification derives it. */
export function tracesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}

let contextManagerSet = false;

/** Starts tracing when there is somewhere to send spans; otherwise returns undefined (tracing off). */
export function startTracing(options: TracingOptions): Tracing | undefined {
  const exporter = options.exporter ?? (options.otlpEndpoint ? new OTLPTraceExporter({ url: tracesUrl(options.otlpEndpoint) }) : undefined);
  if (!exporter) return undefined;
  // Parent spans follow the async flow of a request (AsyncLocalStorage): one manager per process.
  if (!contextManagerSet) {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    contextManagerSet = true;
  }
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName ?? 'mlops-kg' }),
    // An injected exporter sees each span as it ends; OTLP gets batches off the request path.
    spanProcessors: [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  // The provider is not registered globally: only this service's hooks use its tracer.
  return {
    tracer: provider.getTracer('mlops-kg'),
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
