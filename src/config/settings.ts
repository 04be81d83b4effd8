// The process's settings, read once from the environment and checked with zod.
// A bad value stops start-up with one line naming the variable and what was expected.
import { z } from 'zod';

const NEO4J_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

function intSetting(min: number, max: number, fallback: number) {
  const expected = `an integer from ${min} to ${max}`;
  return z.preprocess(blankToUndefined, z.coerce.number({ error: expected }).int(expected).min(min, expected).max(max, expected).default(fallback));
}

/** Query limits, checked before execution (src/http/limits.ts). Defaults follow GitHub's public API where it has one. */
function limitSettings() {
  return {
    MAX_DEPTH: intSetting(1, 100, 12),
    /** Nodes a query may ask for: nested page sizes multiplied, as GitHub counts (its limit: 500,000). */
    MAX_COST: intSetting(1, 10_000_000, 500_000),
    MAX_ALIASES: intSetting(0, 1000, 30),
    MAX_DIRECTIVES: intSetting(0, 1000, 50),
    MAX_TOKENS: intSetting(10, 100_000, 5_000),
    MAX_BODY_BYTES: intSetting(1024, 50 * 1024 * 1024, 100 * 1024),
    /** Selections (fields, fragment spreads, inline fragments) in one document, counted before validation. */
    MAX_SELECTIONS: intSetting(10, 100_000, 500),
  };
}

/** How the HTTP server waits: on slow clients, on Neo4j, and at shutdown (src/http/app.ts, src/http/drain.ts). */
function serverSettings() {
  return {
    /** GraphQL requests executing at once (past the response cache); more are refused at once with 503. */
    MAX_CONCURRENT_REQUESTS: intSetting(1, 100_000, 64),
    /** A request's headers must all arrive within this (else 408 and the connection is closed). */
    HTTP_HEADERS_TIMEOUT_MS: intSetting(1_000, 600_000, 10_000),
    /** A whole request (headers and body) must arrive within this (else 408). */
    HTTP_REQUEST_TIMEOUT_MS: intSetting(1_000, 3_600_000, 30_000),
    /** An idle kept-alive connection is closed after this. */
    HTTP_KEEP_ALIVE_TIMEOUT_MS: intSetting(1_000, 600_000, 5_000),
    /** On SIGTERM: how long accepted requests have to get their answers before what is left is cut. */
    SHUTDOWN_GRACE_MS: intSetting(0, 600_000, 15_000),
  };
}

export const SettingsSchema = z
  .object({
    NEO4J_URI: z.preprocess(
      blankToUndefined,
      z
        .string()
        .refine((v) => {
          try {
            const u = new URL(v);
            return NEO4J_SCHEMES.includes(u.protocol.replace(/:$/, '')) && u.hostname !== '';
          } catch {
            return false;
          }
        }, `a Neo4j URI such as bolt://host:7687 or neo4j+s://host (schemes: ${NEO4J_SCHEMES.join(', ')})`)
        .optional(),
    ),
    NEO4J_USERNAME: z.preprocess(blankToUndefined, z.string().min(1).default('neo4j')),
    NEO4J_PASSWORD: z.preprocess(blankToUndefined, z.string().min(1).optional()),
    NEO4J_DATABASE: z.preprocess(
      blankToUndefined,
      z.string().regex(/^[A-Za-z][A-Za-z0-9.-]{2,62}$/, 'a Neo4j database name (3-63 letters, digits, dots or dashes)').optional(),
    ),
    HOST: z.preprocess(blankToUndefined, z.string().min(1).default('127.0.0.1')),
    PORT: z.preprocess(
      blankToUndefined,
      z.coerce.number({ error: 'an integer from 0 to 65535' }).int('an integer from 0 to 65535').min(0, 'an integer from 0 to 65535').max(65535, 'an integer from 0 to 65535').default(4000),
    ),
    ...limitSettings(),
    ...serverSettings(),
    REQUEST_TIMEOUT_MS: intSetting(100, 600_000, 10_000),
    /** Memory for whole answers kept per dataset version (src/cache/response-cache.ts); 0 turns it off. */
    RESPONSE_CACHE_MB: intSetting(0, 4096, 32),
    /** Cache-Control max-age, in seconds, of GET answers and exports (0: clients keep them but revalidate with the ETag). */
    HTTP_CACHE_MAX_AGE: intSetting(0, 31_536_000, 0),
    CORS_ORIGINS: z.preprocess(
      blankToUndefined,
      z
        .string()
        .refine((v) => v === '*' || v.split(',').every((o) => /^https?:\/\/[^/\s]+$/.test(o.trim())), 'a comma-separated list of origins such as https://dash.example.org, or *')
        .default('*'),
    ),
    INTROSPECTION: z.preprocess(blankToUndefined, z.enum(['true', 'false'], { error: 'true or false' }).default('true')),
    /** Base URL of an OTLP/HTTP collector (spans go to its /v1/traces); unset: tracing off. */
    OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(
      blankToUndefined,
      z
        .string()
        .refine((v) => /^https?:\/\/[^/\s]+(\/\S*)?$/.test(v), 'an http:// or https:// URL of an OTLP/HTTP collector, such as http://127.0.0.1:4318')
        .optional(),
    ),
    /** The most JSON bytes one MCP tool call returns (src/mcp/); over it the call is a tool error saying how to narrow it. */
    MCP_MAX_RESULT_BYTES: intSetting(1_000, 10_000_000, 100_000),
    /** subgraph: serve a federation 2 subgraph schema (@key on every entity, _entities, _service). */
    FEDERATION: z.preprocess(blankToUndefined, z.enum(['off', 'subgraph'], { error: 'off or subgraph' }).default('off')),
    LOG_LEVEL: z.preprocess(
      blankToUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
    ),
  });

export type RawSettings = z.infer<typeof SettingsSchema>;

export interface Settings {
  readonly neo4j: {
    /** Absent: provision one (Docker or a local Neo4j), see src/provision/provision.ts. */
    readonly uri?: string;
    readonly username: string;
    readonly password?: string;
    readonly database?: string;
  };
  readonly host: string;
  readonly port: number;
  readonly logLevel: RawSettings['LOG_LEVEL'];
  readonly limits: Limits;
  /** Deadline of one request; every Neo4j transaction of it times out by then. */
  readonly requestTimeoutMs: number;
  /** Bytes of whole answers the response cache may keep (0: no cache). */
  readonly responseCacheBytes: number;
  /** Cache-Control max-age of GET answers and exports, in seconds. */
  readonly httpCacheMaxAgeSeconds: number;
  /** '*' or a list of allowed browser origins. */
  readonly corsOrigins: '*' | readonly string[];
  readonly introspection: boolean;
  /** Where spans go (OTLP/HTTP); absent: tracing off, no SDK started. */
  readonly otlpEndpoint?: string;
  /** 'subgraph': the schema is served as an Apollo Federation 2 subgraph. */
  readonly federation: 'off' | 'subgraph';
  /** The most JSON bytes one MCP tool call returns (src/mcp/). */
  readonly mcpMaxResultBytes: number;
  readonly server: ServerSettings;
}

export interface ServerSettings {
  readonly maxConcurrentRequests: number;
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  readonly shutdownGraceMs: number;
}

export interface Limits {
  readonly maxDepth: number;
  readonly maxCost: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  readonly maxBodyBytes: number;
  readonly maxSelections: number;
}

/** The variables this module reads: docker-compose.yml and the README are checked against this list. */
export const SETTING_NAMES = Object.keys(SettingsSchema.shape) as (keyof RawSettings)[];

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

/** Parses settings from an environment; throws SettingsError with one line per bad variable. */
export function parseSettings(env: NodeJS.ProcessEnv | Record<string, string | undefined>): Settings {
  const picked = Object.fromEntries(SETTING_NAMES.map((k) => [k, env[k]]));
  const result = SettingsSchema.safeParse(picked);
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const name = String(i.path[0] ?? 'settings');
      const got = picked[name];
      const shown = name === 'NEO4J_PASSWORD' ? '' : got === undefined ? ' (not set)' : ` (got ${JSON.stringify(got)})`;
      return `Invalid setting ${name}: expected ${i.message}${shown}`;
    });
    throw new SettingsError(lines.join('\n'));
  }
  const s = result.data;
  return {
    neo4j: { uri: s.NEO4J_URI, username: s.NEO4J_USERNAME, password: s.NEO4J_PASSWORD, database: s.NEO4J_DATABASE },
    host: s.HOST,
    port: s.PORT,
    logLevel: s.LOG_LEVEL,
    limits: {
      maxDepth: s.MAX_DEPTH,
      maxCost: s.MAX_COST,
      maxAliases: s.MAX_ALIASES,
      maxDirectives: s.MAX_DIRECTIVES,
      maxTokens: s.MAX_TOKENS,
      maxBodyBytes: s.MAX_BODY_BYTES,
      maxSelections: s.MAX_SELECTIONS,
    },
    requestTimeoutMs: s.REQUEST_TIMEOUT_MS,
    responseCacheBytes: s.RESPONSE_CACHE_MB * 1024 * 1024,
    httpCacheMaxAgeSeconds: s.HTTP_CACHE_MAX_AGE,
    corsOrigins: s.CORS_ORIGINS === '*' ? '*' : s.CORS_ORIGINS.split(',').map((o) => o.trim()),
    introspection: s.INTROSPECTION === 'true',
    otlpEndpoint: s.OTEL_EXPORTER_OTLP_ENDPOINT,
    federation: s.FEDERATION,
    mcpMaxResultBytes: s.MCP_MAX_RESULT_BYTES,
    server: {
      maxConcurrentRequests: s.MAX_CONCURRENT_REQUESTS,
      headersTimeoutMs: Math.min(s.HTTP_HEADERS_TIMEOUT_MS, s.HTTP_REQUEST_TIMEOUT_MS),
      requestTimeoutMs: s.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: s.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      shutdownGraceMs: s.SHUTDOWN_GRACE_MS,
    },
  };
}
