// How a dataset entity or relation is stored in Neo4j, and how it is read back into the same
// canonical form, so that the graph's content hash can be compared with the seed's.
import type { Citation, ToolType } from './schema.js';
import type { AttributeValue, DatasetEntity, DatasetRelation, EntityDescription } from './dataset.js';
import type { EntityKind, RelationType } from '../domain/ontology.js';

/** Confidence of a whole entity or relation: STATED when any citation states it. */
export function overallConfidence(citations: readonly Citation[]): 'STATED' | 'INFERRED' {
  return citations.some((c) => c.confidence === 'STATED') ? 'STATED' : 'INFERRED';
}

const sourcesOf = (citations: readonly Citation[]) => [...new Set(citations.map((c) => c.source))].sort();

export function entityProps(e: DatasetEntity): Record<string, unknown> {
  return {
    id: e.id,
    kind: e.kind,
    name: e.name,
    // Lists sort by this key (case-insensitive name), then by id: a stable order for cursors.
    sortKey: e.name.toLowerCase(),
    summary: e.summary,
    // Every source file's description: [{"source": "source:…", "text": "…", "basis": "SOURCE"|"CURATOR"}, …]
    descriptionsJson: JSON.stringify(e.descriptions),
    toolType: e.toolType,
    aliases: e.aliases,
    // Full-text indexes take strings: aliases are indexed through this joined copy.
    aliasesText: e.aliases.join(' | '),
    attributesJson: JSON.stringify(e.attributes),
    citationsJson: JSON.stringify(e.citations),
    sourceIds: sourcesOf(e.citations),
    confidence: overallConfidence(e.citations),
    citationCount: e.citations.length,
  };
}

export function relationProps(r: DatasetRelation): Record<string, unknown> {
  return {
    id: r.id,
    level: r.level,
    note: r.note,
    citationsJson: JSON.stringify(r.citations),
    sourceIds: sourcesOf(r.citations),
    confidence: overallConfidence(r.citations),
    citationCount: r.citations.length,
  };
}

export interface EntityRow {
  id: string;
  kind: string;
  name: string;
  summary: string | null;
  /** Only READ_STORED_ENTITIES returns these two; the API's projections leave them out. */
  descriptionsJson?: string | null;
  toolType?: string | null;
  aliases: string[] | null;
  attributesJson: string | null;
  citationsJson: string | null;
}

/** The stored columns an entity is read back from, in the seed's canonical form (entityFromRow). */
export const STORED_ENTITY_COLUMNS = ['id', 'kind', 'name', 'summary', 'descriptionsJson', 'toolType', 'aliases', 'attributesJson', 'citationsJson'] as const;

/** Every entity the graph holds, as its stored columns: what the loader diffs and hashes. */
export const READ_STORED_ENTITIES = `
MATCH (n:Entity)
RETURN ${STORED_ENTITY_COLUMNS.map((c) => `n.${c} AS ${c}`).join(', ')}
ORDER BY id`;

export function entityFromRow(row: EntityRow): DatasetEntity {
  return {
    id: row.id,
    kind: row.kind as EntityKind,
    name: row.name,
    summary: row.summary ?? null,
    descriptions: JSON.parse(row.descriptionsJson ?? '[]') as EntityDescription[],
    toolType: (row.toolType ?? null) as ToolType | null,
    aliases: row.aliases ?? [],
    attributes: JSON.parse(row.attributesJson ?? '{}') as Record<string, AttributeValue>,
    citations: JSON.parse(row.citationsJson ?? '[]') as Citation[],
  };
}

export interface RelationRow {
  id: string;
  type: string;
  from: string;
  to: string;
  level: string | null;
  note: string | null;
  citationsJson: string | null;
}

export function relationFromRow(row: RelationRow): DatasetRelation {
  return {
    id: row.id,
    type: row.type as RelationType,
    from: row.from,
    to: row.to,
    level: row.level ?? null,
    note: row.note ?? null,
    citations: JSON.parse(row.citationsJson ?? '[]') as Citation[],
  };
}
