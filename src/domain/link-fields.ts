// Which relations each typed relation field of schema/entities.graphql follows.
// One entry per field: relation types, direction from the asking entity, and the kind at the other end.
// test/unit/link-fields.test.ts holds this table against the SDL, both ways.
import type { EntityKind, RelationType } from './ontology.js';

export interface LinkFieldSpec {
  readonly types: readonly RelationType[];
  readonly direction: 'OUT' | 'IN' | 'BOTH';
  readonly kind: EntityKind | null;
}

/** The crosswalk fields every entity type has (seed/README.md: when each crosswalk type is used). */
const CROSSWALK = {
  sameAs: { types: ['CORRESPONDS_TO'], direction: 'BOTH', kind: null },
  broader: { types: ['NARROWER_THAN'], direction: 'OUT', kind: null },
  narrower: { types: ['NARROWER_THAN'], direction: 'IN', kind: null },
  overlaps: { types: ['PARTLY_OVERLAPS'], direction: 'BOTH', kind: null },
} as const satisfies Record<string, LinkFieldSpec>;

export const LINK_FIELDS = {
  Source: { ...CROSSWALK },
  Practice: {
    ...CROSSWALK,
    categories: { types: ['IN_CATEGORY'], direction: 'OUT', kind: 'CATEGORY' },
    stages: { types: ['IN_STAGE'], direction: 'OUT', kind: 'STAGE' },
    addresses: { types: ['ADDRESSES'], direction: 'OUT', kind: 'CHALLENGE' },
    goals: { types: ['ADDRESSES'], direction: 'OUT', kind: 'GOAL' },
    tools: { types: ['SUPPORTS'], direction: 'IN', kind: 'TOOL' },
    roles: { types: ['PERFORMS'], direction: 'IN', kind: 'ROLE' },
    principles: { types: ['IMPLEMENTS', 'CORRESPONDS_TO'], direction: 'BOTH', kind: 'PRINCIPLE' },
    openIssues: { types: ['CONCERNS'], direction: 'IN', kind: 'OPEN_ISSUE' },
    monitors: { types: ['MONITORS'], direction: 'OUT', kind: 'ROBUSTNESS_ASPECT' },
    arisingChallenges: { types: ['ARISES_IN'], direction: 'IN', kind: null },
    catalogueSections: { types: ['COVERS'], direction: 'IN', kind: 'CATEGORY' },
  },
  Challenge: {
    ...CROSSWALK,
    addressedBy: { types: ['ADDRESSES'], direction: 'IN', kind: null },
    practices: { types: ['ADDRESSES'], direction: 'IN', kind: 'PRACTICE' },
    solutions: { types: ['RESOLVES'], direction: 'IN', kind: 'SOLUTION' },
    categories: { types: ['IN_CATEGORY'], direction: 'OUT', kind: 'CATEGORY' },
    stages: { types: ['IN_STAGE'], direction: 'OUT', kind: 'STAGE' },
    openIssues: { types: ['CONCERNS'], direction: 'IN', kind: 'OPEN_ISSUE' },
    complicatedBy: { types: ['COMPLICATES'], direction: 'IN', kind: 'TOOL' },
    involves: { types: ['INVOLVES'], direction: 'OUT', kind: 'ROLE' },
    arisesIn: { types: ['ARISES_IN'], direction: 'OUT', kind: null },
  },
  Solution: {
    ...CROSSWALK,
    resolves: { types: ['RESOLVES'], direction: 'OUT', kind: 'CHALLENGE' },
    tools: { types: ['SUPPORTS'], direction: 'IN', kind: 'TOOL' },
    categories: { types: ['IN_CATEGORY'], direction: 'OUT', kind: 'CATEGORY' },
  },
  Tool: {
    ...CROSSWALK,
    supports: { types: ['SUPPORTS'], direction: 'OUT', kind: null },
    practices: { types: ['SUPPORTS'], direction: 'OUT', kind: 'PRACTICE' },
    components: { types: ['SUPPORTS'], direction: 'OUT', kind: 'COMPONENT' },
    categories: { types: ['IN_CATEGORY'], direction: 'OUT', kind: 'CATEGORY' },
    openIssues: { types: ['CONCERNS'], direction: 'IN', kind: 'OPEN_ISSUE' },
    complicates: { types: ['COMPLICATES'], direction: 'OUT', kind: 'CHALLENGE' },
    parts: { types: ['PART_OF'], direction: 'IN', kind: 'TOOL' },
    partOf: { types: ['PART_OF'], direction: 'OUT', kind: 'TOOL' },
    usedBy: { types: ['USES'], direction: 'IN', kind: null },
  },
  Role: {
    ...CROSSWALK,
    performs: { types: ['PERFORMS'], direction: 'OUT', kind: null },
    stages: { types: ['TAKES_PART_IN'], direction: 'OUT', kind: 'STAGE' },
    collaborators: { types: ['COLLABORATES_WITH', 'OVERLAPS_WITH', 'SUBSTITUTES_FOR'], direction: 'BOTH', kind: 'ROLE' },
    uses: { types: ['USES'], direction: 'OUT', kind: null },
    challenges: { types: ['INVOLVES'], direction: 'IN', kind: 'CHALLENGE' },
  },
  OpenIssue: {
    ...CROSSWALK,
    concerns: { types: ['CONCERNS'], direction: 'OUT', kind: null },
  },
  Stage: {
    ...CROSSWALK,
    members: { types: ['IN_STAGE'], direction: 'IN', kind: null },
    activities: { types: ['PART_OF'], direction: 'IN', kind: 'ACTIVITY' },
    roles: { types: ['TAKES_PART_IN'], direction: 'IN', kind: 'ROLE' },
    next: { types: ['FOLLOWED_BY'], direction: 'OUT', kind: 'STAGE' },
    previous: { types: ['FOLLOWED_BY'], direction: 'IN', kind: 'STAGE' },
    triggers: { types: ['TRIGGERS'], direction: 'OUT', kind: 'ACTIVITY' },
    arisingChallenges: { types: ['ARISES_IN'], direction: 'IN', kind: null },
  },
  Activity: {
    ...CROSSWALK,
    partOf: { types: ['PART_OF'], direction: 'OUT', kind: null },
    roles: { types: ['PERFORMS', 'TAKES_PART_IN'], direction: 'IN', kind: 'ROLE' },
    uses: { types: ['USES'], direction: 'OUT', kind: null },
    monitors: { types: ['MONITORS'], direction: 'OUT', kind: 'ROBUSTNESS_ASPECT' },
    triggers: { types: ['TRIGGERS'], direction: 'OUT', kind: 'ACTIVITY' },
    triggeredBy: { types: ['TRIGGERS'], direction: 'IN', kind: null },
  },
  Category: {
    ...CROSSWALK,
    members: { types: ['IN_CATEGORY'], direction: 'IN', kind: null },
    addresses: { types: ['ADDRESSES'], direction: 'OUT', kind: 'CHALLENGE' },
    comprisedIn: { types: ['COMPRISES'], direction: 'IN', kind: 'DEFINITION' },
    arisesIn: { types: ['ARISES_IN'], direction: 'OUT', kind: null },
    arisingChallenges: { types: ['ARISES_IN'], direction: 'IN', kind: null },
    covers: { types: ['COVERS'], direction: 'OUT', kind: null },
  },
  Principle: {
    ...CROSSWALK,
    components: { types: ['IMPLEMENTS'], direction: 'IN', kind: 'COMPONENT' },
    practices: { types: ['IMPLEMENTS', 'CORRESPONDS_TO'], direction: 'BOTH', kind: 'PRACTICE' },
    addresses: { types: ['ADDRESSES'], direction: 'OUT', kind: 'CHALLENGE' },
    comprisedIn: { types: ['COMPRISES'], direction: 'IN', kind: 'DEFINITION' },
    monitors: { types: ['MONITORS'], direction: 'OUT', kind: 'ROBUSTNESS_ASPECT' },
  },
  Component: {
    ...CROSSWALK,
    principles: { types: ['IMPLEMENTS'], direction: 'OUT', kind: 'PRINCIPLE' },
    tools: { types: ['SUPPORTS'], direction: 'IN', kind: 'TOOL' },
    roles: { types: ['PERFORMS'], direction: 'IN', kind: 'ROLE' },
    uses: { types: ['USES'], direction: 'OUT', kind: null },
    usedBy: { types: ['USES'], direction: 'IN', kind: null },
    monitors: { types: ['MONITORS'], direction: 'OUT', kind: 'ROBUSTNESS_ASPECT' },
    triggers: { types: ['TRIGGERS'], direction: 'OUT', kind: 'ACTIVITY' },
    catalogueSections: { types: ['COVERS'], direction: 'IN', kind: 'CATEGORY' },
  },
  Definition: {
    ...CROSSWALK,
    addresses: { types: ['ADDRESSES'], direction: 'OUT', kind: 'CHALLENGE' },
    comprises: { types: ['COMPRISES'], direction: 'OUT', kind: null },
    buildsOn: { types: ['BUILDS_ON'], direction: 'OUT', kind: 'DEFINITION' },
    builtOnBy: { types: ['BUILDS_ON'], direction: 'IN', kind: 'DEFINITION' },
  },
  Goal: {
    ...CROSSWALK,
    addressedBy: { types: ['ADDRESSES'], direction: 'IN', kind: null },
  },
  RobustnessAspect: {
    ...CROSSWALK,
    improvedBy: { types: ['IMPROVES'], direction: 'IN', kind: null },
    detectedBy: { types: ['DETECTS'], direction: 'IN', kind: 'METHOD' },
    estimatedBy: { types: ['ESTIMATES'], direction: 'IN', kind: 'METHOD' },
    monitoredBy: { types: ['MONITORS'], direction: 'IN', kind: null },
  },
  Method: {
    ...CROSSWALK,
    improves: { types: ['IMPROVES'], direction: 'OUT', kind: 'ROBUSTNESS_ASPECT' },
    detects: { types: ['DETECTS'], direction: 'OUT', kind: 'ROBUSTNESS_ASPECT' },
    estimates: { types: ['ESTIMATES'], direction: 'OUT', kind: 'ROBUSTNESS_ASPECT' },
  },
} as const satisfies Record<string, Record<string, LinkFieldSpec>>;

/** The GraphQL types that have typed relation fields. */
export type LinkFieldType = keyof typeof LINK_FIELDS;

/** The typed relation fields of a type, and their specs (one lookup for resolvers and the look-ahead). */
const BY_TYPE: Readonly<Record<string, Readonly<Record<string, LinkFieldSpec>> | undefined>> = LINK_FIELDS;

export function linkFieldsOf(typeName: string): Readonly<Record<string, LinkFieldSpec>> {
  return BY_TYPE[typeName] ?? {};
}
