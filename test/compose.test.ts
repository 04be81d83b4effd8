// docker-compose.yml cannot run here (no Docker engine): check that it cannot drift from the code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseSettings, SETTING_NAMES } from '../src/config/settings.js';
import { NEO4J_IMAGE } from '../src/provision/docker.js';
import { PROJECT_ROOT } from '../src/config/paths.js';

const compose = parse(readFileSync(path.join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, { image?: string; build?: string; environment?: Record<string, string>; ports?: string[]; healthcheck?: unknown; depends_on?: unknown; restart?: string }>;
};

describe('docker-compose.yml', () => {
  const api = compose.services.api!;
  const neo4j = compose.services.neo4j!;

  it('runs the same Neo4j image the code provisions with Docker', () => {
    expect(neo4j.image).toBe(NEO4J_IMAGE);
    expect(neo4j.healthcheck).toBeDefined();
  });

  it('gives the API only variables the settings module reads, and all the required ones', () => {
    const names = Object.keys(api.environment ?? {});
    expect(names.filter((n) => !(SETTING_NAMES as string[]).includes(n))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['NEO4J_URI', 'NEO4J_PASSWORD', 'HOST', 'PORT']));
  });

  it('has values the settings module accepts (with the compose defaults filled in)', () => {
    const env = Object.fromEntries(Object.entries(api.environment ?? {}).map(([k, v]) => [k, String(v).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1')]));
    const s = parseSettings(env);
    expect(s.neo4j.uri).toBe('bolt://neo4j:7687');
    expect(api.ports).toContain(`${s.port}:${s.port}`);
    expect(s.host).toBe('0.0.0.0');
  });

  it('builds the API from the Dockerfile and waits for a healthy Neo4j', () => {
    expect(api.build).toBe('.');
    expect(api.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
    // An API that exits (it does, non-zero, when it cannot go on) is started again by compose.
    expect(['on-failure', 'unless-stopped', 'always']).toContain(api.restart?.split(':')[0]);
    const dockerfile = readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/FROM node:(22|24)/);
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
  });
});
