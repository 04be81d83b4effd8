// The peer: @neo4j/graphql 7 serving the same graph, behind Apollo Server 5 on node:http (the same
// server stack as the API), with type definitions equivalent to ours for what the benchmark asks:
// the kinds on the measured paths (Challenge, Practice, Tool), their relations with the relation
// properties as relationship properties, and the full-text index `entity_search` over every entity.
// Only read queries are used. Where @neo4j/graphql has no equivalent of an operation, bench/ops.ts
// says why and the benchmark reports it as such.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { Driver } from 'neo4j-driver';

export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Challenge @node(labels: ["Challenge", "Entity"]) {
    id: ID!
    kind: String!
    name: String!
    sortKey: String!
    summary: String
    aliases: [String!]
    attributesJson: String
    citationsJson: String
    confidence: String
    practices: [Practice!]! @relationship(type: "ADDRESSES", direction: IN, properties: "Addresses")
    solutions: [Solution!]! @relationship(type: "RESOLVES", direction: IN, properties: "Resolves")
  }

  type Practice @node(labels: ["Practice", "Entity"]) {
    id: ID!
    kind: String!
    name: String!
    sortKey: String!
    summary: String
    aliases: [String!]
    attributesJson: String
    citationsJson: String
    confidence: String
    addresses: [Challenge!]! @relationship(type: "ADDRESSES", direction: OUT, properties: "Addresses")
    tools: [Tool!]! @relationship(type: "SUPPORTS", direction: IN, properties: "Supports")
  }

  type Solution @node(labels: ["Solution", "Entity"]) {
    id: ID!
    kind: String!
    name: String!
    sortKey: String!
    summary: String
    aliases: [String!]
    attributesJson: String
    citationsJson: String
    confidence: String
    resolves: [Challenge!]! @relationship(type: "RESOLVES", direction: OUT, properties: "Resolves")
  }

  type Tool @node(labels: ["Tool", "Entity"]) {
    id: ID!
    kind: String!
    name: String!
    sortKey: String!
    summary: String
    aliases: [String!]
    attributesJson: String
    citationsJson: String
    confidence: String
    practices: [Practice!]! @relationship(type: "SUPPORTS", direction: OUT, properties: "Supports")
  }

  type Entity @node(labels: ["Entity"]) @fulltext(indexes: [{ indexName: "entity_search", queryName: "searchEntities", fields: ["name", "aliasesText", "summary"] }]) {
    id: ID!
    kind: String!
    name: String!
    sortKey: String!
    aliasesText: String
    summary: String
  }

  type Addresses @relationshipProperties {
    id: ID!
    note: String
    citationsJson: String
    confidence: String
  }

  type Resolves @relationshipProperties {
    id: ID!
    note: String
    citationsJson: String
    confidence: String
  }

  type Supports @relationshipProperties {
    id: ID!
    level: String
    note: String
    citationsJson: String
    confidence: String
  }
`;

/**
 * Starts the peer on a free loopback port. Counts the Cypher queries it sends (a session per
 * query, see @neo4j/graphql's Executor) and reports them per request in `x-cypher-round-trips`
 * (exact for requests made one at a time, as the benchmark's checks make them).
 */
export async function startPeer(driver: Driver, database?: string): Promise<{ url: string; close(): Promise<void> }> {
  let sessions = 0;
  const counted = new Proxy(driver, {
    get(target, prop, receiver) {
      if (prop === 'session') {
        return (...args: Parameters<Driver['session']>) => {
          sessions += 1;
          return target.session(...args);
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  const lib = new Neo4jGraphQL({
    typeDefs: PEER_TYPE_DEFS,
    driver: counted,
    // Keyset pagination on sortKey needs `gt` on strings, which is opt-in.
    features: { filters: { String: { GT: true, LT: true } } },
  });
  const schema = await lib.getSchema();
  const apollo = new ApolloServer({
    schema,
    plugins: [
      {
        async requestDidStart() {
          const at = sessions;
          return {
            async willSendResponse({ response }) {
              response.http.headers.set('x-cypher-round-trips', String(sessions - at));
            },
          };
        },
      },
    ],
  });
  const { url } = await startStandaloneServer(apollo, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async () => (database ? { sessionConfig: { database } } : {}),
  });
  return { url: url.replace('localhost', '127.0.0.1'), close: () => apollo.stop() };
}
