// How a dataset entity or relation is stored in Neo4j, and how it is read back into the same
// canonical form, so that the graph's content hash can be compared with the seed's.
// The decoder is the read side's own (src/domain/stored-form.ts): one decoder of one stored row.
import type { Citation } from './schema.js';
import type { AttributeValue, DatasetEntity, DatasetRelation } from './dataset.js';
import { overallConfidence } from '../domain/citation.js';
import type { RelationType } from '../domain/ontology.js';
import { toEntity, toRelation, type EntityRow, type RelationRow } from '../domain/stored-form.js';

export { overallConfidence };
export type { EntityRow, RelationRow };

const sourcesOf = (citations: readonly Citation[]) => [...new Set(citations.map((c) => c.source))].sort();

/** Turns a list or record into its stored JSON text (the bulk files pass one that keeps its answers per object). */
export type Stringify = (value: object) => string;

export function entityProps(e: DatasetEntity, json: Stringify = JSON.stringify): Record<string, unknown> {
  return {
    id: e.id,
    kind: e.kind,
    name: e.name,
    // Lists sort by this key (case-insensitive name), then by id: a stable order for cursors.
    sortKey: e.name.toLowerCase(),
    summary: e.summary,
    // Every source file's description: [{"source": "source:…", "text": "…", "basis": "SOURCE"|"CURATOR"}, …]
    descriptionsJson: json(e.descriptions),
    toolType: e.toolType,
    aliases: e.aliases,
    // Full-text indexes take strings: aliases are indexed through this joined copy.
    aliasesText: e.aliases.join(' | '),
    attributesJson: json(e.attributes),
    citationsJson: json(e.citations),
    sourceIds: sourcesOf(e.citations),
    confidence: overallConfidence(e.citations),
    citationCount: e.citations.length,
  };
}

export function relationProps(r: DatasetRelation, json: Stringify = JSON.stringify): Record<string, unknown> {
  return {
    id: r.id,
    level: r.level,
    note: r.note,
    citationsJson: json(r.citations),
    sourceIds: sourcesOf(r.citations),
    confidence: overallConfidence(r.citations),
    citationCount: r.citations.length,
  };
}

/** A stored entity in the seed's canonical form (the order of keys is the hash's). */
export function entityFromRow(row: EntityRow): DatasetEntity {
  const e = toEntity(row);
  return {
    id: e.id,
    kind: e.kind,
    name: e.name,
    summary: e.summary,
    descriptions: [...e.descriptions],
    toolType: e.toolType,
    aliases: [...e.aliases],
    attributes: e.attributes as Record<string, AttributeValue>,
    citations: [...e.citations] as Citation[],
  };
}

/** A stored relation in the seed's canonical form. */
export function relationFromRow(row: RelationRow): DatasetRelation {
  const r = toRelation(row);
  return {
    id: r.id,
    type: r.type as RelationType,
    from: r.from,
    to: r.to,
    level: r.level,
    note: r.note,
    citations: [...r.citations] as Citation[],
  };
}
