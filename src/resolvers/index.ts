// All resolvers, assembled and checked against the generated types. Resolvers stay thin: arguments
// are checked here, reads go through src/repos and the per-request loaders of src/loaders.
import { JSONResolver } from 'graphql-scalars';
import type { Resolvers } from '../generated/graphql.js';
import { analysisQueryResolvers, pathResolvers } from './analysis.js';
import { answerQueryResolvers, coverageCellResolvers, rankedPracticeResolvers } from './answers.js';
import { entityResolvers } from './entity.js';
import { connectionNodes, entityQueryResolvers } from './query-entities.js';
import { scopeQueryResolvers } from './scope.js';

export function createResolvers() {
  return {
    JSON: JSONResolver,
    ...entityResolvers(),
    Query: { ...entityQueryResolvers(), ...analysisQueryResolvers(), ...scopeQueryResolvers(), ...answerQueryResolvers() },
    Path: pathResolvers,
    RankedPractice: rankedPracticeResolvers,
    CoverageCell: coverageCellResolvers,
    SourceConnection: connectionNodes,
    PracticeConnection: connectionNodes,
    ChallengeConnection: connectionNodes,
    SolutionConnection: connectionNodes,
    ToolConnection: connectionNodes,
    RoleConnection: connectionNodes,
    OpenIssueConnection: connectionNodes,
    StageConnection: connectionNodes,
    ActivityConnection: connectionNodes,
    CategoryConnection: connectionNodes,
    PrincipleConnection: connectionNodes,
    ComponentConnection: connectionNodes,
    DefinitionConnection: connectionNodes,
    GoalConnection: connectionNodes,
    RobustnessAspectConnection: connectionNodes,
    MethodConnection: connectionNodes,
  } satisfies Resolvers;
}
