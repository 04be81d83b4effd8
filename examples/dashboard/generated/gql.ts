/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query DashboardCoverage {\n    stats {\n      entities\n      relations\n      datasetVersion\n      byKind {\n        kind\n        count\n      }\n    }\n    coverage {\n      tools {\n        id\n      }\n      practices {\n        id\n        name\n        categories {\n          node {\n            id\n            name\n          }\n        }\n      }\n      cells {\n        tool {\n          id\n        }\n        practice {\n          id\n        }\n        direct\n        confidence\n        derivation\n      }\n      uncoveredPractices {\n        id\n        name\n      }\n    }\n  }\n": typeof types.DashboardCoverageDocument,
    "\n  query DashboardTopPractices($challengeId: ID!, $first: Int!) {\n    challenge: entity(id: $challengeId) {\n      id\n      kind\n      name\n      summary\n    }\n    practicesAddressing(challengeId: $challengeId, first: $first) {\n      practice {\n        id\n        name\n      }\n      score\n      confidence\n      strength\n      sourceCount\n      statementCount\n      citations {\n        locator\n        confidence\n        source {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.DashboardTopPracticesDocument,
};
const documents: Documents = {
    "\n  query DashboardCoverage {\n    stats {\n      entities\n      relations\n      datasetVersion\n      byKind {\n        kind\n        count\n      }\n    }\n    coverage {\n      tools {\n        id\n      }\n      practices {\n        id\n        name\n        categories {\n          node {\n            id\n            name\n          }\n        }\n      }\n      cells {\n        tool {\n          id\n        }\n        practice {\n          id\n        }\n        direct\n        confidence\n        derivation\n      }\n      uncoveredPractices {\n        id\n        name\n      }\n    }\n  }\n": types.DashboardCoverageDocument,
    "\n  query DashboardTopPractices($challengeId: ID!, $first: Int!) {\n    challenge: entity(id: $challengeId) {\n      id\n      kind\n      name\n      summary\n    }\n    practicesAddressing(challengeId: $challengeId, first: $first) {\n      practice {\n        id\n        name\n      }\n      score\n      confidence\n      strength\n      sourceCount\n      statementCount\n      citations {\n        locator\n        confidence\n        source {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.DashboardTopPracticesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardCoverage {\n    stats {\n      entities\n      relations\n      datasetVersion\n      byKind {\n        kind\n        count\n      }\n    }\n    coverage {\n      tools {\n        id\n      }\n      practices {\n        id\n        name\n        categories {\n          node {\n            id\n            name\n          }\n        }\n      }\n      cells {\n        tool {\n          id\n        }\n        practice {\n          id\n        }\n        direct\n        confidence\n        derivation\n      }\n      uncoveredPractices {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql.js').DashboardCoverageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardTopPractices($challengeId: ID!, $first: Int!) {\n    challenge: entity(id: $challengeId) {\n      id\n      kind\n      name\n      summary\n    }\n    practicesAddressing(challengeId: $challengeId, first: $first) {\n      practice {\n        id\n        name\n      }\n      score\n      confidence\n      strength\n      sourceCount\n      statementCount\n      citations {\n        locator\n        confidence\n        source {\n          id\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').DashboardTopPracticesDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
