// The dashboard's GraphQL documents. `npm run codegen:dashboard` validates them against schema/*.graphql
// (an unknown field or a wrong argument type fails the generation) and types their results in
// ./generated/; `npm run codegen:dashboard:check` fails when those types are stale.
import { graphql } from './generated/index.js';

/** Graph counts and the whole tool × practice matrix, reduced to a summary by summarizeCoverage. */
export const CoverageSummaryDocument = graphql(`
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
`);

/** The challenge asked and its best-ranked practices, with their evidence. */
export const TopPracticesDocument = graphql(`
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
`);
