// Turns what the Cypher projections return into the models resolvers use.
import type { EntityModel, LinkModel, RelationModel } from '../model.js';
import type { Citation } from '../seed/schema.js';
import type { EntityKind } from '../domain/ontology.js';
import type { EntityRow as StoredEntityRow, RelationRow as StoredRelationRow } from '../seed/graph-form.js';

type Confidence = 'STATED' | 'INFERRED';

/** What a Cypher projection returns of an entity: its stored columns (graph-form.ts) and its confidence. */
export interface EntityRow extends StoredEntityRow {
  confidence: Confidence;
}

/** What a Cypher projection returns of a relation: its stored columns and its confidence. */
export interface RelationRow extends StoredRelationRow {
  confidence: Confidence;
}

// The JSON columns (attributes, citations) are parsed on first use, not when the row is read: most
// answers carry many entities and relations whose citations nobody asked for.
export function toEntity(row: EntityRow): EntityModel {
  let attributes: Record<string, unknown> | undefined;
  let citations: Citation[] | undefined;
  return {
    id: row.id,
    kind: row.kind as EntityKind,
    name: row.name,
    summary: row.summary ?? null,
    aliases: row.aliases ?? [],
    get attributes() {
      return (attributes ??= JSON.parse(row.attributesJson ?? '{}') as Record<string, unknown>);
    },
    confidence: row.confidence,
    get citations() {
      return (citations ??= JSON.parse(row.citationsJson ?? '[]') as Citation[]);
    },
  };
}

export function toRelation(row: RelationRow): RelationModel {
  let citations: Citation[] | undefined;
  return {
    id: row.id,
    type: row.type,
    from: row.from,
    to: row.to,
    level: row.level ?? null,
    note: row.note ?? null,
    confidence: row.confidence,
    get citations() {
      return (citations ??= JSON.parse(row.citationsJson ?? '[]') as Citation[]);
    },
  };
}

export function toLink(row: { node: EntityRow; relation: RelationRow; direction: 'OUT' | 'IN' }): LinkModel {
  return { node: toEntity(row.node), relation: toRelation(row.relation), direction: row.direction };
}
