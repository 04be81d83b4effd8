// Which relations each typed relation field of schema/entities.graphql follows.
// One entry per field: relation types, direction from the asking entity, and the kind at the other end.
// test/unit/link-fields.test.ts holds this table against the SDL, both ways.
import type { EntityKind, RelationType } from './ontology.js';

export interface LinkFieldSpec {
  readonly types: readonly RelationType[];
  readonly direction: 'OUT' | 'IN' | 'BOTH';
  readonly kind: EntityKind | null;
}

export const LINK_FIELDS = {
  Practice: {
    categories: { types: ['IN_CATEGORY'], direction: 'OUT', kind: 'CATEGORY' },
    stages: { types: ['IN_STAGE'], direction: 'OUT', kind: 'STAGE' },
    addresses: { types: ['ADDRESSES'], direction: 'OUT', kind: 'CHALLENGE' },
    goals: { types: ['ADDRESSES'], direction: 'OUT', kind: 'GOAL' },
    tools: { types: ['SUPPORTS'], direction: 'IN', kind: 'TOOL' },
    roles: { types: ['PERFORMS'], direction: 'IN', kind: 'ROLE' },
    principles: { types: ['IMPLEMENTS', 'CORRESPONDS_TO'], direction: 'BOTH', kind: 'PRINCIPLE' },
    openIssues: { types: ['CONCERNS'], direction: 'IN', kind: 'OPEN_ISSUE' },
    catalogueSections: { types: ['COVERS'], direction: 'IN', kind: 'CATEGORY' },
  },
  Challenge: {
    addressedBy: { types: ['ADDRESSES'], direction: 'IN', kind: null },
    practices: { types: ['ADDRESSES'], direction: 'IN', kind: 'PRACTICE' },
    solutions: { types: ['RESOLVES'], direction: 'IN', kind: 'SOLUTION' },
    categories: { types: ['IN_CATEGORY'], direction: 'OUT', kind: 'CATEGORY' },
    stages: { types: ['IN_STAGE'], direction: 'OUT', kind: 'STAGE' },
    openIssues: { types: ['CONCERNS'], direction: 'IN', kind: 'OPEN_ISSUE' },
  },
  Solution: {
    resolves: { types: ['RESOLVES'], direction: 'OUT', kind: 'CHALLENGE' },
    tools: { types: ['SUPPORTS'], direction: 'IN', kind: 'TOOL' },
    categories: { types: ['IN_CATEGORY'], direction: 'OUT', kind: 'CATEGORY' },
  },
  Tool: {
    supports: { types: ['SUPPORTS'], direction: 'OUT', kind: null },
    practices: { types: ['SUPPORTS'], direction: 'OUT', kind: 'PRACTICE' },
    components: { types: ['SUPPORTS'], direction: 'OUT', kind: 'COMPONENT' },
    categories: { types: ['IN_CATEGORY'], direction: 'OUT', kind: 'CATEGORY' },
    openIssues: { types: ['CONCERNS'], direction: 'IN', kind: 'OPEN_ISSUE' },
  },
  Role: {
    performs: { types: ['PERFORMS'], direction: 'OUT', kind: null },
    stages: { types: ['TAKES_PART_IN'], direction: 'OUT', kind: 'STAGE' },
    collaborators: { types: ['COLLABORATES_WITH', 'OVERLAPS_WITH', 'SUBSTITUTES_FOR'], direction: 'BOTH', kind: 'ROLE' },
  },
  OpenIssue: {
    concerns: { types: ['CONCERNS'], direction: 'OUT', kind: null },
  },
  Stage: {
    members: { types: ['IN_STAGE'], direction: 'IN', kind: null },
    activities: { types: ['PART_OF'], direction: 'IN', kind: 'ACTIVITY' },
    roles: { types: ['TAKES_PART_IN'], direction: 'IN', kind: 'ROLE' },
    next: { types: ['FOLLOWED_BY'], direction: 'OUT', kind: 'STAGE' },
    previous: { types: ['FOLLOWED_BY'], direction: 'IN', kind: 'STAGE' },
  },
  Activity: {
    partOf: { types: ['PART_OF'], direction: 'OUT', kind: null },
    roles: { types: ['PERFORMS', 'TAKES_PART_IN'], direction: 'IN', kind: 'ROLE' },
  },
  Category: {
    members: { types: ['IN_CATEGORY'], direction: 'IN', kind: null },
    addresses: { types: ['ADDRESSES'], direction: 'OUT', kind: 'CHALLENGE' },
    covers: { types: ['COVERS'], direction: 'OUT', kind: null },
  },
  Principle: {
    components: { types: ['IMPLEMENTS'], direction: 'IN', kind: 'COMPONENT' },
    practices: { types: ['IMPLEMENTS', 'CORRESPONDS_TO'], direction: 'BOTH', kind: 'PRACTICE' },
    addresses: { types: ['ADDRESSES'], direction: 'OUT', kind: 'CHALLENGE' },
  },
  Component: {
    principles: { types: ['IMPLEMENTS'], direction: 'OUT', kind: 'PRINCIPLE' },
    tools: { types: ['SUPPORTS'], direction: 'IN', kind: 'TOOL' },
    roles: { types: ['PERFORMS'], direction: 'IN', kind: 'ROLE' },
    catalogueSections: { types: ['COVERS'], direction: 'IN', kind: 'CATEGORY' },
  },
  Definition: {
    addresses: { types: ['ADDRESSES'], direction: 'OUT', kind: 'CHALLENGE' },
  },
  Goal: {
    addressedBy: { types: ['ADDRESSES'], direction: 'IN', kind: null },
  },
  RobustnessAspect: {
    improvedBy: { types: ['IMPROVES'], direction: 'IN', kind: null },
  },
  Method: {
    improves: { types: ['IMPROVES'], direction: 'OUT', kind: 'ROBUSTNESS_ASPECT' },
  },
} as const satisfies Record<string, Record<string, LinkFieldSpec>>;

/** The GraphQL types that have typed relation fields. */
export type LinkFieldType = keyof typeof LINK_FIELDS;

/** The typed relation fields of a type, and their specs (one lookup for resolvers and the look-ahead). */
const BY_TYPE: Readonly<Record<string, Readonly<Record<string, LinkFieldSpec>> | undefined>> = LINK_FIELDS;

export function linkFieldsOf(typeName: string): Readonly<Record<string, LinkFieldSpec>> {
  return BY_TYPE[typeName] ?? {};
}
