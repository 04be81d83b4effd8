// The shapes the read side passes around (GraphQL Code Generator maps schema types onto these).
// The repositories build them from stored rows (src/domain/stored-form.ts).
import type { Citation, Confidence, SourceDescription } from './citation.js';
import type { EntityKind, ToolType } from './ontology.js';

export type { Citation };
export type CitationModel = Citation;
export type SourceDescriptionModel = SourceDescription;

export interface EntityModel {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly summary: string | null;
  /** Each source's own description (the summary is the primary one-liner). */
  readonly descriptions: readonly SourceDescription[];
  /** TOOL only: the curator's classification; null for other kinds. */
  readonly toolType: ToolType | null;
  readonly aliases: readonly string[];
  readonly attributes: Record<string, unknown>;
  readonly confidence: Confidence;
  readonly citations: readonly Citation[];
}

export interface RelationModel {
  readonly id: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly level: string | null;
  readonly note: string | null;
  readonly confidence: Confidence;
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
