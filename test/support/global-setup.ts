// Provisions ONE real Neo4j for the test run, the same way `npm start` does (NEO4J_URI, Docker, or a
// local Neo4j from Maven Central), and hands its address to the test files through `provide`.
import type { TestProject } from 'vitest/node';
import { parseSettings } from '../../src/config/settings.js';
import { provisionNeo4j, type ProvisionedNeo4j } from '../../src/provision/provision.js';
import { PROJECT_ROOT } from '../../src/config/paths.js';

let neo4j: ProvisionedNeo4j | undefined;

export async function setup(project: TestProject): Promise<void> {
  const settings = parseSettings(process.env);
  neo4j = await provisionNeo4j(settings.neo4j, { root: PROJECT_ROOT, persistent: false, log: (l) => console.log(`[neo4j] ${l}`) });
  console.log(`[neo4j] tests use ${neo4j.path} Neo4j at ${neo4j.uri}`);
  project.provide('neo4j', { path: neo4j.path, uri: neo4j.uri, username: neo4j.username, password: neo4j.password ?? null, database: neo4j.database ?? null });
}

export async function teardown(): Promise<void> {
  await neo4j?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { path: string; uri: string; username: string; password: string | null; database: string | null };
  }
}
