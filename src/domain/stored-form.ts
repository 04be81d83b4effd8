// How an entity or relation is stored in Neo4j (one node or relationship, flat properties, JSON
// strings for nested values), and the ONE decoder from a stored row to the read side's models.
// The seed writer encodes with the same property names (src/seed/graph-form.ts) and reads its own
// content back through this decoder to compare content hashes.
import type { Citation, Confidence, SourceDescription } from './citation.js';
import type { EntityModel, LinkModel, RelationModel } from './model.js';
import type { EntityKind, ToolType } from './ontology.js';

/** The stored properties of an entity node that a projection returns (see ENTITY_PROJECTION). */
export interface EntityRow {
  id: string;
  kind: string;
  name: string;
  summary: string | null;
  /** Each source's own description: [{"source": "source:…", "text": "…", "basis": "SOURCE"|"CURATOR"}, …] */
  descriptionsJson: string | null;
  /** TOOL only: the curator's tool type. */
  toolType: string | null;
  aliases: string[] | null;
  attributesJson: string | null;
  citationsJson: string | null;
  confidence: Confidence;
}

/** The stored properties of a relationship, with its type and the ids of both ends. */
export interface RelationRow {
  id: string;
  type: string;
  from: string;
  to: string;
  level: string | null;
  note: string | null;
  citationsJson: string | null;
  confidence: Confidence;
}

// The JSON columns (descriptions, attributes, citations) are parsed on first use, not when the row is read: most
// answers carry many entities and relations whose citations nobody asked for.
export function toEntity(row: EntityRow): EntityModel {
  let attributes: Record<string, unknown> | undefined;
  let citations: Citation[] | undefined;
  let descriptions: SourceDescription[] | undefined;
  return {
    id: row.id,
    kind: row.kind as EntityKind,
    name: row.name,
    summary: row.summary ?? null,
    get descriptions() {
      return (descriptions ??= JSON.parse(row.descriptionsJson ?? '[]') as SourceDescription[]);
    },
    toolType: (row.toolType ?? null) as ToolType | null,
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
