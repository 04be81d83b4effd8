/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** How a coverage cell's best path derives the support (see Query.coverage). */
export type CellDerivation =
  /** A source states that the tool supports the practice. */
  | 'DIRECT'
  /** The tool is listed under a catalogue section the curators map to the practice as a whole (INFERRED): the section-level fallback, weaker than a per-tool mapping; recommendStack never rests on it. */
  | 'VIA_CATALOGUE_SECTION'
  /** The tool supports a component that corresponds to the practice. */
  | 'VIA_COMPONENT'
  /** The tool supports a component that implements a principle corresponding to the practice (weak). */
  | 'VIA_COMPONENT_AND_PRINCIPLE'
  /** A part of the tool (PART_OF, e.g. Kubeflow Pipelines of Kubeflow) supports the practice, along one of the other roads: the whole counts its parts' support, shown as coming through the part. */
  | 'VIA_PART'
  /** The tool supports a principle that corresponds to the practice. */
  | 'VIA_PRINCIPLE';

/** How firmly a source supports an item. */
export type Confidence =
  /** A reconstruction (a figure's layout, a grouping, a cross-source correspondence); never promoted to STATED. */
  | 'INFERRED'
  /** The paper says it in its own text, tables or unambiguous figure content. */
  | 'STATED';

/**
 * The kinds of entity the graph holds. Each entity id starts with its kind's prefix
 * (practice:, challenge:, solution:, tool:, role:, open-issue:, source:, stage:, activity:, category:,
 * principle:, component:, definition:, goal:, aspect:, method:).
 */
export type EntityKind =
  /** A sub-activity of a stage or a numbered workflow step. Prefix activity:. */
  | 'ACTIVITY'
  /** A grouping: a practice category, challenge family or group, solution theme, DevOps tool group or tool catalogue section. Prefix category:. */
  | 'CATEGORY'
  /** A problem or difficulty met when productionizing ML or adopting MLOps. Prefix challenge:. */
  | 'CHALLENGE'
  /** A technical component of an MLOps system (Kreuzberger et al.'s C1-C9). Prefix component:. */
  | 'COMPONENT'
  /** A definition, general notion or conceptualisation. Prefix definition:. */
  | 'DEFINITION'
  /** An aim that practices serve. Prefix goal:. */
  | 'GOAL'
  /** A technical method, such as a shift-adaptation or drift-detection technique. Prefix method:. */
  | 'METHOD'
  /** A future research direction a review leaves open. Prefix open-issue:. */
  | 'OPEN_ISSUE'
  /** Something teams do in MLOps (Eken et al.'s practices). Prefix practice:. */
  | 'PRACTICE'
  /** An MLOps principle (Kreuzberger et al.'s P1-P9). Prefix principle:. */
  | 'PRINCIPLE'
  /** An aspect of robustness of production ML (Bayram & Ahmed). Prefix aspect:. */
  | 'ROBUSTNESS_ASPECT'
  /** A job role or team function, or an audience. Prefix role:. */
  | 'ROLE'
  /** A remedy a review reports for an adoption challenge. Prefix solution:. */
  | 'SOLUTION'
  /** A source the graph is seeded from: one of the three literature reviews or the tool catalogue; every citation points to one. Prefix source:. */
  | 'SOURCE'
  /** A lifecycle stage, an architecture zone or a pipeline step. Prefix stage:. */
  | 'STAGE'
  /** A product, platform or framework, and also patterns, techniques and guidance documents; each has a curated toolType. Prefix tool:. */
  | 'TOOL';

/** How a practice's best path reaches the challenge (see Query.practicesAddressing). */
export type PathStrength =
  /** The practice ADDRESSES the challenge. */
  | 'DIRECT'
  /** The practice ADDRESSES a challenge that CORRESPONDS_TO the one asked. */
  | 'SOUND'
  /** Through a category, principle, component, solution, or a broader, narrower or overlapping challenge. */
  | 'WEAK';

export type DashboardCoverageQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardCoverageQuery = { stats: { entities: number, relations: number, datasetVersion: string, byKind: Array<{ kind: EntityKind, count: number }> }, coverage: { tools: Array<{ id: string }>, practices: Array<{ id: string, name: string, categories: Array<{ node: { id: string, name: string } }> }>, cells: Array<{ direct: boolean, confidence: Confidence, derivation: CellDerivation, tool: { id: string }, practice: { id: string } }>, uncoveredPractices: Array<{ id: string, name: string }> } };

export type DashboardTopPracticesQueryVariables = Exact<{
  challengeId: string | number;
  first: number;
}>;


export type DashboardTopPracticesQuery = { challenge:
    | { id: string, kind: EntityKind, name: string, summary: string | null }
    | { id: string, kind: EntityKind, name: string, summary: string | null }
    | { id: string, kind: EntityKind, name: string, summary: string | null }
    | { id: string, kind: EntityKind, name: string, summary: string | null }
    | { id: string, kind: EntityKind, name: string, summary: string | null }
    | { id: string, kind: EntityKind, name: string, summary: string | null }
    | { id: string, kind: EntityKind, name: string, summary: string | null }
    | { id: string, kind: EntityKind, name: string, summary: string | null }
    | { id: string, kind: EntityKind, name: string, summary: string | null }
    | { id: string, kind: EntityKind, name: string, summary: string | null }
    | { id: string, kind: EntityKind, name: string, summary: string | null }
    | { id: string, kind: EntityKind, name: string, summary: string | null }
    | { id: string, kind: EntityKind, name: string, summary: string | null }
    | { id: string, kind: EntityKind, name: string, summary: string | null }
    | { id: string, kind: EntityKind, name: string, summary: string | null }
    | { id: string, kind: EntityKind, name: string, summary: string | null }
   | null, practicesAddressing: Array<{ score: number, confidence: Confidence, strength: PathStrength, sourceCount: number, statementCount: number, practice: { id: string, name: string }, citations: Array<{ locator: string, confidence: Confidence, source: { id: string, name: string } }> }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const DashboardCoverageDocument = new TypedDocumentString(`
    query DashboardCoverage {
  stats {
    entities
    relations
    datasetVersion
    byKind {
      kind
      count
    }
  }
  coverage {
    tools {
      id
    }
    practices {
      id
      name
      categories {
        node {
          id
          name
        }
      }
    }
    cells {
      tool {
        id
      }
      practice {
        id
      }
      direct
      confidence
      derivation
    }
    uncoveredPractices {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardCoverageQuery, DashboardCoverageQueryVariables>;
export const DashboardTopPracticesDocument = new TypedDocumentString(`
    query DashboardTopPractices($challengeId: ID!, $first: Int!) {
  challenge: entity(id: $challengeId) {
    id
    kind
    name
    summary
  }
  practicesAddressing(challengeId: $challengeId, first: $first) {
    practice {
      id
      name
    }
    score
    confidence
    strength
    sourceCount
    statementCount
    citations {
      locator
      confidence
      source {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardTopPracticesQuery, DashboardTopPracticesQueryVariables>;