// The reads of schema/answers.graphql's queries (src/cypher/answers.ts), answered as the documents and
// paths the pure functions of src/analysis/ (problems.ts, gaps.ts) work on.
import type { Record as Neo4jRecord } from 'neo4j-driver';
import { allAddressingQuery, CHALLENGE_DOCUMENTS } from '../cypher/answers.js';
import type { EntityProps } from '../cypher/analysis.js';
import type { EntityModel } from '../domain/model.js';
import { toEntity, type EntityRow, type RelationRow } from '../domain/stored-form.js';
import type { ChallengeDocument } from '../analysis/problems.js';
import type { PathModel } from '../analysis/models.js';
import { toPaths, type PathIdsRow } from '../analysis/paths.js';
import type { Reader } from '../neo4j/driver.js';

export interface ChallengeDocumentsRead {
  readonly documents: ChallengeDocument[];
  readonly versionBefore: string | null;
  readonly versionAfter: string | null;
}

/** Every challenge with the entities whose wording counts for it, and the graph version around the read. */
export async function challengeDocuments(db: Reader): Promise<ChallengeDocumentsRead> {
  const res = await db.read<{
    documents: { challenge: EntityRow; related: { entity: EntityRow; relation: string }[] }[];
    versionBefore: string | null;
    versionAfter: string | null;
  }>(CHALLENGE_DOCUMENTS);
  const rec = res.records[0];
  return {
    documents: (rec?.get('documents') ?? []).map((d) => ({
      challenge: toEntity(d.challenge),
      related: d.related.map((r) => ({ entity: toEntity(r.entity), relation: r.relation })),
    })),
    versionBefore: rec?.get('versionBefore') ?? null,
    versionAfter: rec?.get('versionAfter') ?? null,
  };
}

/** Every challenge, and every path from a practice to one of them (ending at it). */
export async function allAddressingPaths(db: Reader, props: EntityProps = null): Promise<{ challenges: EntityModel[]; paths: PathModel[] }> {
  const res = await db.read<{ challenges: EntityRow[]; paths: PathIdsRow[]; pathsEntities: EntityRow[]; pathsRelations: RelationRow[] }>(allAddressingQuery(props));
  const rec = res.records[0] as Neo4jRecord | undefined;
  if (!rec) return { challenges: [], paths: [] };
  return {
    challenges: (rec.get('challenges') as EntityRow[]).map(toEntity),
    paths: toPaths(rec.get('paths') as PathIdsRow[], rec.get('pathsEntities') as EntityRow[], rec.get('pathsRelations') as RelationRow[]),
  };
}
