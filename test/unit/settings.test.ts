import { describe, expect, it } from 'vitest';
import { parseSettings, SettingsError, SETTING_NAMES } from '../../src/config/settings.js';

describe('settings', () => {
  it('has defaults for a bare environment', () => {
    const s = parseSettings({});
    expect(s).toEqual({
      neo4j: { uri: undefined, username: 'neo4j', password: undefined, database: undefined },
      host: '127.0.0.1',
      port: 4000,
      logLevel: 'info',
      limits: { maxDepth: 12, maxCost: 500_000, maxAliases: 30, maxDirectives: 50, maxTokens: 5_000, maxBodyBytes: 102_400, maxSelections: 500 },
      requestTimeoutMs: 10_000,
      responseCacheBytes: 32 * 1024 * 1024,
      httpCacheMaxAgeSeconds: 0,
      corsOrigins: '*',
      introspection: true,
      otlpEndpoint: undefined,
      federation: 'off',
      mcpMaxResultBytes: 100_000,
      server: { maxConcurrentRequests: 64, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, shutdownGraceMs: 15_000 },
    });
  });

  it('reads every variable it documents', () => {
    expect(SETTING_NAMES.sort()).toEqual([
      'CORS_ORIGINS', 'FEDERATION', 'HOST', 'HTTP_CACHE_MAX_AGE', 'HTTP_HEADERS_TIMEOUT_MS', 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 'HTTP_REQUEST_TIMEOUT_MS', 'INTROSPECTION', 'LOG_LEVEL',
      'MAX_ALIASES', 'MAX_BODY_BYTES', 'MAX_CONCURRENT_REQUESTS', 'MAX_COST', 'MAX_DEPTH', 'MAX_DIRECTIVES', 'MAX_SELECTIONS', 'MAX_TOKENS', 'MCP_MAX_RESULT_BYTES',
      'NEO4J_DATABASE', 'NEO4J_PASSWORD', 'NEO4J_URI', 'NEO4J_USERNAME', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'PORT', 'REQUEST_TIMEOUT_MS',
      'RESPONSE_CACHE_MB', 'SHUTDOWN_GRACE_MS',
    ]);
    const s = parseSettings({ NEO4J_URI: 'neo4j+s://db.example:7687', NEO4J_USERNAME: 'u', NEO4J_PASSWORD: 'p', NEO4J_DATABASE: 'graph', HOST: '0.0.0.0', PORT: '8080', LOG_LEVEL: 'debug' });
    expect(s).toMatchObject({ neo4j: { uri: 'neo4j+s://db.example:7687', username: 'u', password: 'p', database: 'graph' }, host: '0.0.0.0', port: 8080, logLevel: 'debug' });
    const limits = parseSettings({ MAX_DEPTH: '5', MAX_COST: '1000', MAX_ALIASES: '2', MAX_DIRECTIVES: '3', MAX_TOKENS: '400', MAX_BODY_BYTES: '2048', REQUEST_TIMEOUT_MS: '500', RESPONSE_CACHE_MB: '0', HTTP_CACHE_MAX_AGE: '60', CORS_ORIGINS: 'https://a.example, http://b.example:8080', INTROSPECTION: 'false' });
    expect(limits).toMatchObject({
      limits: { maxDepth: 5, maxCost: 1000, maxAliases: 2, maxDirectives: 3, maxTokens: 400, maxBodyBytes: 2048 },
      requestTimeoutMs: 500,
      responseCacheBytes: 0,
      httpCacheMaxAgeSeconds: 60,
      corsOrigins: ['https://a.example', 'http://b.example:8080'],
      introspection: false,
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'Invalid setting PORT: expected an integer from 0 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'Invalid setting PORT: expected an integer from 0 to 65535 (got "70000")'],
    [{ NEO4J_URI: 'http://localhost:7474' }, 'Invalid setting NEO4J_URI: expected a Neo4j URI'],
    [{ LOG_LEVEL: 'loud' }, 'Invalid setting LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent (got "loud")'],
    [{ NEO4J_DATABASE: 'x' }, 'Invalid setting NEO4J_DATABASE'],
    [{ MAX_DEPTH: '0' }, 'Invalid setting MAX_DEPTH: expected an integer from 1 to 100 (got "0")'],
    [{ CORS_ORIGINS: 'not an origin' }, 'Invalid setting CORS_ORIGINS'],
    [{ RESPONSE_CACHE_MB: '-1' }, 'Invalid setting RESPONSE_CACHE_MB: expected an integer from 0 to 4096 (got "-1")'],
    [{ HTTP_CACHE_MAX_AGE: '1.5' }, 'Invalid setting HTTP_CACHE_MAX_AGE: expected an integer from 0 to 31536000 (got "1.5")'],
    [{ INTROSPECTION: 'yes' }, 'Invalid setting INTROSPECTION: expected true or false (got "yes")'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'Invalid setting OTEL_EXPORTER_OTLP_ENDPOINT: expected an http:// or https:// URL'],
    [{ FEDERATION: 'supergraph' }, 'Invalid setting FEDERATION: expected off or subgraph (got "supergraph")'],
  ])('refuses %j with a line naming the variable', (env, message) => {
    expect(() => parseSettings(env)).toThrow(SettingsError);
    expect(() => parseSettings(env)).toThrow(message);
  });

  it('never echoes a password', () => {
    try {
      parseSettings({ NEO4J_PASSWORD: '', PORT: 'x' });
    } catch (e) {
      expect((e as Error).message).not.toContain('NEO4J_PASSWORD');
    }
  });
});
