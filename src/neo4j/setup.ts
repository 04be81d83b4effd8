// Database setup, idempotent: run at start and before seeding. Labels and relationship types come
// from the fixed ontology (src/domain/ontology.ts), never from input.
import { ENTITY_KINDS, LABEL, RELATION_TYPES } from '../domain/ontology.js';
import type { Db } from './driver.js';

export const FULLTEXT_INDEX = 'entity_search';

export function setupStatements(): string[] {
  const statements = [
    'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (d:Dataset) REQUIRE d.id IS UNIQUE',
    ...ENTITY_KINDS.map((k) => `CREATE CONSTRAINT ${LABEL[k].toLowerCase()}_id IF NOT EXISTS FOR (n:${LABEL[k]}) REQUIRE n.id IS UNIQUE`),
    ...RELATION_TYPES.map((t) => `CREATE CONSTRAINT rel_${t.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${t}]-() REQUIRE r.id IS UNIQUE`),
    'CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind)',
    // The per-kind lists page in (sortKey, id) order: walking this index reads about a page, not the kind.
    ...ENTITY_KINDS.map((k) => `CREATE INDEX ${LABEL[k].toLowerCase()}_sortkey IF NOT EXISTS FOR (n:${LABEL[k]}) ON (n.sortKey)`),
    // Full-text search over names, aliases and summaries (the standard analyzer folds case).
    `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasesText, n.summary]`,
  ];
  return statements;
}

export async function setupDatabase(db: Db): Promise<void> {
  for (const statement of setupStatements()) {
    await db.schema(statement);
  }
  await db.schema('CALL db.awaitIndexes(60)');
}
