// The operations the benchmark measures, and how each door asks for them:
//   api   - the mlops-kg GraphQL API (POST /graphql, the same query text for every input);
//   floor - bench/floor.ts: POST /<op> with the input as JSON, one hand-written Cypher query;
//   peer  - @neo4j/graphql (bench/peer.ts), where it has an equivalent; otherwise the reason why not.
// The API's and the floor's answers must be equal (checked before every measurement), so both do
// the same work; the peer's are compared where the shapes allow.

export type OpName =
  | 'practicesAddressing'
  | 'coverageFull'
  | 'coverageFiltered'
  | 'nestedList'
  | 'search'
  | 'recommendStack'
  | 'paths';

export interface PracticesAddressingInput {
  readonly challengeId: string;
}
export interface CoverageFilteredInput {
  readonly toolIds: string[];
  readonly practiceIds: string[];
}
export interface NestedListInput {
  readonly first: number;
  /** Keyset position to start after: null for the first page. */
  readonly after: { readonly sortKey: string; readonly id: string } | null;
}
export interface SearchInput {
  readonly text: string;
}
export interface RecommendStackInput {
  readonly challengeIds: string[];
}
export interface PathsInput {
  readonly fromId: string;
  readonly toId: string;
}

export interface OpInputs {
  practicesAddressing: PracticesAddressingInput[];
  coverageFull: Record<string, never>[];
  coverageFiltered: CoverageFilteredInput[];
  nestedList: NestedListInput[];
  search: SearchInput[];
  recommendStack: RecommendStackInput[];
  paths: PathsInput[];
}

export interface OpSpec {
  readonly name: OpName;
  readonly title: string;
  /** Response levels the API resolves with its own round trips (the round-trip target). */
  readonly depth: number;
  /** Does the work depend on a few ids or an index only (the ×1000 vs ×1 latency target)? */
  readonly indexDriven: boolean;
  readonly apiQuery: string;
  readonly peer: { readonly query: string } | { readonly none: string };
}

/** Link fields ask for an explicit `first`, so the API's defaults cannot change what is compared. */
export const LINKS_FIRST = 50;
export const PAGE_SIZE = 20;
export const SEARCH_FIRST = 10;
export const ADDRESSING_FIRST = 20;
export const MAX_TOOLS = 5;
export const MAX_HOPS = 4;
export const PATHS_FIRST = 5;

const COVERAGE_SELECTION = `
    tools { id name }
    practices { id name }
    cells { tool { id } practice { id } level direct citations { locator confidence } }
    uncoveredPractices { id }`;

export const OPS: readonly OpSpec[] = [
  {
    name: 'practicesAddressing',
    title: 'practicesAddressing (ranked, direct + indirect)',
    depth: 2,
    indexDriven: true,
    apiQuery: `query PracticesAddressing($challengeId: ID!) {
  practicesAddressing(challengeId: $challengeId, first: ${ADDRESSING_FIRST}) {
    score direct sourceCount citationCount via
    practice { id name }
    citations { locator confidence source { id } }
  }
}`,
    peer: {
      none: 'no equivalent: the generated API returns a relationship field (direct ADDRESSES only); ranking by evidence over direct and indirect paths needs Cypher plus JS post-processing it cannot express',
    },
  },
  {
    name: 'coverageFull',
    title: 'coverage (all tools × all practices)',
    depth: 1,
    indexDriven: false,
    apiQuery: `query CoverageFull {
  coverage {${COVERAGE_SELECTION}
  }
}`,
    peer: { none: 'no equivalent: derived cells along component/principle paths, grouped per (tool, practice), and the uncovered set are not expressible in the generated API' },
  },
  {
    name: 'coverageFiltered',
    title: 'coverage (5 tools × 5 practices)',
    depth: 1,
    indexDriven: true,
    apiQuery: `query CoverageFiltered($toolIds: [ID!], $practiceIds: [ID!]) {
  coverage(toolIds: $toolIds, practiceIds: $practiceIds) {${COVERAGE_SELECTION}
  }
}`,
    peer: { none: 'no equivalent (see coverage)' },
  },
  {
    name: 'nestedList',
    title: `nested list: challenges → practices → tools (page ${PAGE_SIZE})`,
    depth: 3,
    indexDriven: true,
    apiQuery: `query NestedList($first: Int!, $after: String) {
  challenges(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id name
      practices(first: ${LINKS_FIRST}) {
        relation { confidence }
        node {
          id name
          tools(first: ${LINKS_FIRST}) { relation { level confidence } node { id name } }
        }
      }
    }
  }
}`,
    peer: {
      query: `query NestedList($first: Int!, $where: ChallengeWhere) {
  all: challengesConnection { totalCount }
  page: challengesConnection(first: $first, where: $where, sort: [{ sortKey: ASC }, { id: ASC }]) {
    pageInfo { hasNextPage }
    edges {
      node {
        id name sortKey
        practicesConnection(first: ${LINKS_FIRST}, sort: [{ node: { sortKey: ASC } }, { node: { id: ASC } }]) {
          edges {
            properties { confidence }
            node {
              id name
              toolsConnection(first: ${LINKS_FIRST}, sort: [{ node: { sortKey: ASC } }, { node: { id: ASC } }]) {
                edges { properties { level confidence } node { id name } }
              }
            }
          }
        }
      }
    }
  }
}`,
    },
  },
  {
    name: 'search',
    title: 'search (full-text, typo-tolerant, top 10)',
    depth: 1,
    indexDriven: true,
    apiQuery: `query Search($text: String!) {
  search(text: $text, first: ${SEARCH_FIRST}) { score entity { id kind name } }
}`,
    peer: {
      query: `query Search($phrase: String!) {
  searchEntities(phrase: $phrase, first: ${SEARCH_FIRST}, sort: [{ score: DESC }]) { edges { score node { id kind name } } }
}`,
    },
  },
  {
    name: 'recommendStack',
    title: 'recommendStack (3 challenges, greedy cover, 5 tools)',
    depth: 1,
    indexDriven: true,
    apiQuery: `query RecommendStack($challengeIds: [ID!]!) {
  recommendStack(challengeIds: $challengeIds, maxTools: ${MAX_TOOLS}) {
    coverageRatio
    tools { id name }
    coveredPractices { id name }
    uncoveredPractices { id name }
  }
}`,
    peer: { none: 'no equivalent: a greedy set cover over derived coverage cells is application logic the generated API does not have' },
  },
  {
    name: 'paths',
    title: `paths (all shortest, ≤ ${MAX_HOPS} hops, first ${PATHS_FIRST})`,
    depth: 2,
    indexDriven: true,
    apiQuery: `query Paths($fromId: ID!, $toId: ID!) {
  paths(fromId: $fromId, toId: $toId, maxHops: ${MAX_HOPS}, first: ${PATHS_FIRST}) {
    paths {
      length
      entities { id kind name }
      relations { type from { id } to { id } citations { locator } }
    }
  }
}`,
    peer: { none: 'no equivalent: the generated API has no path or shortest-path query' },
  },
];

export function opSpec(name: OpName): OpSpec {
  const op = OPS.find((o) => o.name === name);
  if (!op) throw new Error(`unknown operation ${name}`);
  return op;
}
