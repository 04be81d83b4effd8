// Models of the analysis queries (schema/analysis.graphql): what the pure functions of this folder
// build from paths, and what GraphQL Code Generator maps the analysis types onto.
import type { Citation } from '../domain/citation.js';
import type { EntityModel, RelationModel } from '../domain/model.js';
import type { EntityKind } from '../domain/ontology.js';

export interface PathModel {
  readonly entities: readonly EntityModel[];
  readonly relations: readonly RelationModel[];
  readonly length: number;
}

export interface SearchHitModel {
  readonly entity: EntityModel;
  readonly score: number;
}

export interface RankedPracticeModel {
  readonly practice: EntityModel;
  readonly score: number;
  readonly citations: readonly Citation[];
  readonly direct: boolean;
  readonly sourceCount: number;
  readonly citationCount: number;
  readonly via: readonly string[];
  readonly paths: readonly PathModel[];
}

export interface CoverageCellModel {
  readonly tool: EntityModel;
  readonly practice: EntityModel;
  readonly level: string;
  readonly citations: readonly Citation[];
  readonly direct: boolean;
  readonly paths: readonly PathModel[];
}

export interface CoverageModel {
  readonly tools: readonly EntityModel[];
  readonly practices: readonly EntityModel[];
  readonly cells: readonly CoverageCellModel[];
  readonly uncoveredPractices: readonly EntityModel[];
}

export interface StackStepModel {
  readonly tool: EntityModel;
  readonly newlyCovered: readonly EntityModel[];
  readonly cells: readonly CoverageCellModel[];
}

export interface StackRecommendationModel {
  readonly tools: readonly EntityModel[];
  readonly coveredPractices: readonly EntityModel[];
  readonly uncoveredPractices: readonly EntityModel[];
  readonly coverageRatio: number;
  readonly practices: readonly RankedPracticeModel[];
  readonly steps: readonly StackStepModel[];
}

export interface SourceCountModel {
  readonly source: EntityModel;
  readonly entities: number;
  readonly relations: number;
}

export interface StatsModel {
  readonly entities: number;
  readonly relations: number;
  readonly datasetVersion: string;
  readonly byKind: readonly { kind: EntityKind; count: number }[];
  readonly byRelation: readonly { type: string; count: number }[];
  readonly bySource: readonly SourceCountModel[];
}
