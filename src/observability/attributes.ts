// The span attributes this service sets. Never variables, Cypher parameters or query strings.
export const ATTR = {
  /** GraphQL operation name (the client's, as sent) and type (query, mutation). */
  operationName: 'graphql.operation.name',
  operationType: 'graphql.operation.type',
  /** On a Cypher span: which round trip of its request this is (1, 2, ...). */
  roundTrip: 'mlopskg.cypher.round_trip',
  /** On the operation and HTTP spans: the request's Cypher round trips in all. */
  roundTrips: 'mlopskg.cypher.round_trips',
  /** The graph's dataset version as last read by the Neo4j probe, when known. */
  datasetVersion: 'mlopskg.dataset_version',
  /** The stable error codes of a failed operation (comma-separated). */
  errorCodes: 'graphql.error.codes',
  requestId: 'mlopskg.request_id',
} as const;
