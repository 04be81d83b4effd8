// The shapes resolvers pass around (GraphQL Code Generator maps schema types onto these).
// They are read from Neo4j by src/cypher/* and built from the seed's own types.
import type { EntityKind } from './domain/ontology.js';
import type { Citation } from './seed/schema.js';

export type { Citation };
export type CitationModel = Citation;

export interface EntityModel {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly summary: string | null;
  readonly aliases: readonly string[];
  readonly attributes: Record<string, unknown>;
  readonly confidence: 'STATED' | 'INFERRED';
  readonly citations: readonly Citation[];
}

export interface RelationModel {
  readonly id: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly level: string | null;
  readonly note: string | null;
  readonly confidence: 'STATED' | 'INFERRED';
  readonly citations: readonly Citation[];
}

export interface LinkModel {
  readonly node: EntityModel;
  readonly relation: RelationModel;
  readonly direction: 'OUT' | 'IN';
}

export interface EdgeModel {
  readonly cursor: string;
  readonly node: EntityModel;
}

export interface ConnectionModel {
  readonly edges: readonly EdgeModel[];
  readonly pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  readonly totalCount: number;
}
