// The Query field of each kind's paginated list (schema/query.graphql): the resolvers register one
// list per kind under this name, and the exports name their files after it (/export/practices.csv).
import type { EntityKind } from './ontology.js';

export const LIST_FIELD: Record<EntityKind, string> = {
  SOURCE: 'sources',
  PRACTICE: 'practices',
  CHALLENGE: 'challenges',
  SOLUTION: 'solutions',
  TOOL: 'tools',
  ROLE: 'roles',
  OPEN_ISSUE: 'openIssues',
  STAGE: 'stages',
  ACTIVITY: 'activities',
  CATEGORY: 'categories',
  PRINCIPLE: 'principles',
  COMPONENT: 'components',
  DEFINITION: 'definitions',
  GOAL: 'goals',
  ROBUSTNESS_ASPECT: 'robustnessAspects',
  METHOD: 'methods',
};

/** At most this many ids in one id-list argument (entities, coverage, recommendStack). */
export const MAX_IDS = 100;
