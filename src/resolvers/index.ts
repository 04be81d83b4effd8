// All resolvers, assembled. Resolvers stay thin: Cypher lives in src/cypher, batching in src/loaders.
import { JSONResolver } from 'graphql-scalars';
import { ENTITY_KINDS, LABEL } from '../domain/ontology.js';
import type { Resolvers } from '../generated/graphql.js';
import { analysisQueryResolvers } from './analysis.js';
import { entityResolvers } from './entity.js';
import { connectionResolvers, entityQueryResolvers } from './query-entities.js';

export function createResolvers(): Resolvers {
  const resolvers: Record<string, Record<string, unknown> | unknown> = {
    JSON: JSONResolver,
    ...entityResolvers(),
    Query: { ...entityQueryResolvers(), ...analysisQueryResolvers() },
  };
  for (const kind of ENTITY_KINDS) resolvers[`${LABEL[kind]}Connection`] = connectionResolvers;
  return resolvers as Resolvers;
}
