// Models of the analysis queries (schema/analysis.graphql): what the pure functions of this folder
// build from paths, and what GraphQL Code Generator maps the analysis types onto.
import type { Citation, Confidence } from '../domain/citation.js';
import type { EntityModel, RelationModel } from '../domain/model.js';
import type { EntityKind, ToolType } from '../domain/ontology.js';

export interface PathModel {
  readonly entities: readonly EntityModel[];
  readonly relations: readonly RelationModel[];
  readonly length: number;
}

export interface PathSearchModel {
  readonly paths: readonly PathModel[];
  /** Why no path was found (null when some were). */
  readonly reason: string | null;
}

export interface SearchHitModel {
  readonly entity: EntityModel;
  readonly score: number;
}

/** The road a practice -> challenge path takes (src/analysis/ranking.ts). */
export type PathStrength = 'DIRECT' | 'SOUND' | 'WEAK';

export interface RankedPracticeModel {
  readonly practice: EntityModel;
  readonly score: number;
  /** STATED when at least one path is stated at every hop. */
  readonly confidence: Confidence;
  /** The best road among the paths of that confidence. */
  readonly strength: PathStrength;
  readonly citations: readonly Citation[];
  readonly direct: boolean;
  /** Distinct sources, and distinct statements, along the paths of that confidence. */
  readonly sourceCount: number;
  readonly statementCount: number;
  readonly citationCount: number;
  readonly via: readonly string[];
  readonly paths: readonly PathModel[];
  /** The best road among the paths less firm than `confidence` (null: none). */
  readonly inferredStrength: PathStrength | null;
  /** Distinct sources cited on the hop that ADDRESSES or RESOLVES a challenge, along the paths of that confidence. */
  readonly agreement: number;
  /** Text relevance between practice and challenge, 0-1 (src/analysis/relevance.ts): not evidence. */
  readonly relevance: number;
}

/** How a tool -> practice path derives support (src/analysis/coverage.ts). */
export type CellDerivation = 'DIRECT' | 'VIA_COMPONENT' | 'VIA_PRINCIPLE' | 'VIA_PART' | 'VIA_CATALOGUE_SECTION' | 'VIA_COMPONENT_AND_PRINCIPLE';

export interface CoverageCellModel {
  readonly tool: EntityModel;
  readonly practice: EntityModel;
  readonly level: string;
  /** The confidence of the cell's best path (as firm as its weakest hop). */
  readonly confidence: Confidence;
  /** How the best path derives the support, and whether the ontology makes that derivation sound. */
  readonly derivation: CellDerivation;
  readonly sound: boolean;
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
  /** A tool the team already runs (haveToolIds), counted before any pick. */
  readonly alreadyRun: boolean;
  readonly newlyCovered: readonly EntityModel[];
  readonly cells: readonly CoverageCellModel[];
}

export interface StackRecommendationModel {
  readonly tools: readonly EntityModel[];
  readonly coveredPractices: readonly EntityModel[];
  readonly uncoveredPractices: readonly EntityModel[];
  /** Uncovered practices that some admitted tool supports (a longer stack could cover them). */
  readonly coverableByTools: readonly EntityModel[];
  /** Uncovered practices of an organisational category (team structure, work practices): no tool covers them. */
  readonly organisational: readonly EntityModel[];
  /** covered / all; null when no practice addresses the challenges (see `reason`). */
  readonly coverageRatio: number | null;
  /** Why the answer is empty or partial, in words a client can show; null when there is nothing to say. */
  readonly reason: string | null;
  readonly practices: readonly RankedPracticeModel[];
  readonly steps: readonly StackStepModel[];
  /** Practices the stack reaches only through a derivation (see Query.recommendStack). */
  readonly coveredOnlyThroughDerivation: readonly EntityModel[];
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

/** Where typed words were found in a challenge's wording (src/analysis/problems.ts). */
export type MatchField = 'NAME' | 'ALIAS' | 'SUMMARY' | 'DESCRIPTION' | 'RELATED';

export interface ProblemEvidenceModel {
  readonly field: MatchField;
  readonly text: string;
  readonly words: readonly string[];
  readonly related: EntityModel | null;
  readonly relation: string | null;
}

export interface ProblemMatchModel {
  readonly challenge: EntityModel;
  readonly score: number;
  readonly matched: readonly ProblemEvidenceModel[];
}

export interface GapsModel {
  readonly challengesWithoutPractice: readonly EntityModel[];
  readonly practicesWithoutTool: readonly EntityModel[];
  readonly toolTypes: readonly ToolType[];
}

export interface SharedPracticeModel {
  readonly practice: EntityModel;
  readonly cells: readonly CoverageCellModel[];
  readonly missing: readonly EntityModel[];
}

export interface ToolOnlyModel {
  readonly tool: EntityModel;
  readonly only: readonly CoverageCellModel[];
  readonly practiceCount: number;
}

export interface ToolComparisonModel {
  readonly shared: readonly SharedPracticeModel[];
  readonly tools: readonly ToolOnlyModel[];
}
