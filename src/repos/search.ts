// Full-text search over names, aliases and summaries (the index of src/neo4j/setup.ts).
import neo4j from 'neo4j-driver';
import type { EntityProps } from '../cypher/analysis.js';
import { searchQuery } from '../cypher/search.js';
import type { EntityModel } from '../domain/model.js';
import type { EntityKind } from '../domain/ontology.js';
import { toEntity, type EntityRow } from '../domain/stored-form.js';
import type { Reader } from '../neo4j/driver.js';
import { FULLTEXT_INDEX } from '../neo4j/setup.js';

export interface SearchHitRow {
  readonly entity: EntityModel;
  readonly score: number;
}

/**
 * How many of Lucene's best hits the first phase reads (src/cypher/search.ts): enough above `first`
 * that the `first`-th score is rarely tied with the last one read, few enough to stay cheap.
 */
export const searchProbe = (first: number) => Math.max(first * 5, 50);

/**
 * The best `first` hits of a Lucene query (src/analysis/search-query.ts), of the given kinds (null:
 * all), each entity read with the properties `props` (null: all).
 */
export async function searchEntities(db: Reader, query: string, kinds: readonly EntityKind[] | null, first: number, props: EntityProps = null): Promise<SearchHitRow[]> {
  const res = await db.read<{ node: EntityRow; score: number }>(searchQuery(props), { index: FULLTEXT_INDEX, query, kinds, first: neo4j.int(first), probe: neo4j.int(searchProbe(first)) });
  return res.records.map((r) => ({ entity: toEntity(r.get('node')), score: r.get('score') }));
}
