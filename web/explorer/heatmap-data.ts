// The heatmap's data: what it asks the API for, the shapes of the answers, the meaning of each
// cell level, and how rows and columns are grouped.
import { CITATION_FIELDS, type Citation, type LinkTo, type SourceRef } from './api.js';

export interface ToolRow {
  id: string;
  name: string;
  categories: LinkTo[];
  components: LinkTo[];
  citations: { source: { id: string } }[];
}

export interface PracticeCol {
  id: string;
  name: string;
  summary: string | null;
  categories: LinkTo[];
  stages: LinkTo[];
}

export interface Cell {
  tool: { id: string };
  practice: { id: string };
  level: string;
  direct: boolean;
  confidence: 'STATED' | 'INFERRED';
  derivation: string;
  sound: boolean;
  citations: Citation[];
}

export interface CoverageData {
  coverage: { tools: ToolRow[]; practices: PracticeCol[]; cells: Cell[]; uncoveredPractices: { id: string }[] };
  sources: { nodes: (SourceRef & { sourceType: 'REVIEW' | 'CATALOGUE' })[] };
}

export type ToolGrouping = 'component' | 'category' | 'source' | 'none';
/** Which tools the heatmap shows by the sources that name them. */
export type ToolSourceFilter = 'reviews' | 'catalogue' | 'all';

/** Tool rows rendered at once; more on demand (the catalogue names hundreds of tools). */
export const ROW_PAGE = 150;

export type PracticeGrouping = 'category' | 'stage' | 'none';

export const COVERAGE_QUERY = `query ExplorerHeatmap($minConfidence: Confidence, $toolTypes: [ToolType!]) {
  coverage(minConfidence: $minConfidence, toolTypes: $toolTypes) {
    tools { id name categories { node { id name } } components { node { id name } } citations { source { id } } }
    practices { id name summary categories { node { id name } } stages { node { id name } } }
    cells { tool { id } practice { id } level direct confidence derivation sound citations { ${CITATION_FIELDS} } }
    uncoveredPractices { id }
  }
  sources(first: 100) { nodes { id name aliases year sourceType } }
}`;

export const CELL_PATHS_QUERY = `query ExplorerCellPaths($toolId: ID!, $practiceId: ID!) {
  coverage(toolIds: [$toolId], practiceIds: [$practiceId]) {
    cells { paths { entities { id name kind } relations { type } } }
  }
}`;

/** Letter shown in a cell, and what its level means. */
export const LEVELS: Record<string, { code: string; label: string; meaning: string }> = {
  FULL: { code: 'F', label: 'Full (stated)', meaning: 'A source states that the tool fully supports this practice.' },
  PARTIAL: { code: 'P', label: 'Partial (stated)', meaning: 'A source states that the tool partly supports this practice.' },
  EXAMPLE: { code: 'E', label: 'Example (stated)', meaning: 'A source names the tool as an example for this practice.' },
  DIRECT: { code: 'D', label: 'Stated', meaning: 'A source states that the tool supports this practice (it gives no level).' },
  DERIVED_VIA_COMPONENT: {
    code: 'c',
    label: 'Derived via a component',
    meaning: 'No source states it; derived: the tool supports an architecture component that implements a principle (or is the same notion) corresponding to this practice.',
  },
  DERIVED_VIA_PART: {
    code: 't',
    label: 'Derived via a part of the tool',
    meaning: 'Derived: a part of the tool (e.g. Kubeflow Pipelines of Kubeflow) supports this practice; the whole counts its parts\' support.',
  },
  DERIVED_VIA_CATALOGUE_SECTION: {
    code: 's',
    label: 'Derived via a catalogue section',
    meaning: 'No review states it; the tool is listed under a catalogue section that the curators map to this practice as a whole (INFERRED): the section-level fallback, weaker than a per-tool mapping.',
  },
  DERIVED_VIA_PRINCIPLE: {
    code: 'p',
    label: 'Derived via a principle',
    meaning: 'No source states it; derived: the tool supports a principle that corresponds to this practice.',
  },
};

export const levelInfo = (level: string) => LEVELS[level] ?? { code: '?', label: level, meaning: level };
export const levelClass = (level: string) => `level-${level.toLowerCase().replace(/_/g, '-')}`;

export interface Group<T> {
  label: string;
  items: T[];
}

/** Groups items by their first group name (sorted), the "none" group last. */
export function groupBy<T>(items: readonly T[], groupOf: (item: T) => string | null, noneLabel: string): Group<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const label = groupOf(item) ?? noneLabel;
    const list = groups.get(label) ?? [];
    list.push(item);
    groups.set(label, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === noneLabel ? 1 : b === noneLabel ? -1 : a.localeCompare(b)))
    .map(([label, list]) => ({ label, items: list }));
}

export const firstName = (links: readonly LinkTo[]) => [...links].map((l) => l.node.name).sort((a, b) => a.localeCompare(b))[0] ?? null;


/** The key of a cell in the cell map. */
export function cellKey(toolId: string, practiceId: string): string {
  return `${toolId} ${practiceId}`;
}
