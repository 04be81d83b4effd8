// Federation subgraph mode (FEDERATION=subgraph): the same SDL and resolvers, served as an Apollo
// Federation 2 subgraph. The directives are added here, to a parsed copy of the SDL, so schema/*.graphql
// and the normal schema stay as they are: `@key(fields: "id")` on every type implementing Entity, and
// the `@link` that imports `@key`. Each entity type resolves a reference through the request's entity
// loader, so one `_entities` call costs one batched Cypher read, however many representations it holds.
import { buildSubgraphSchema } from '@apollo/subgraph';
import { Kind, parse, type DefinitionNode, type ConstDirectiveNode, type DocumentNode, type GraphQLSchema, type ObjectTypeDefinitionNode } from 'graphql';
import { LABEL } from '../domain/ontology.js';
import type { RequestContext } from './context.js';

/** The resolver map buildSubgraphSchema takes (its type is not exported by name). */
type SubgraphResolvers = NonNullable<Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: DocumentNode }>['resolvers']>;

export const FEDERATION_SPEC = 'https://specs.apollo.dev/federation/v2.3';

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;

const KEY_ID: ConstDirectiveNode = {
  kind: Kind.DIRECTIVE,
  name: name('key'),
  arguments: [{ kind: Kind.ARGUMENT, name: name('fields'), value: { kind: Kind.STRING, value: 'id' } }],
};

const LINK: DefinitionNode = parse(`extend schema @link(url: "${FEDERATION_SPEC}", import: ["@key"])`).definitions[0]!;

const isEntityType = (d: DefinitionNode): d is ObjectTypeDefinitionNode =>
  d.kind === Kind.OBJECT_TYPE_DEFINITION && (d.interfaces ?? []).some((i) => i.name.value === 'Entity');

/** The SDL files as one document with the federation directives added. */
export function subgraphTypeDefs(typeDefs: readonly string[]): DocumentNode {
  const definitions = typeDefs.flatMap((sdl) => parse(sdl).definitions);
  return {
    kind: Kind.DOCUMENT,
    definitions: [
      LINK,
      ...definitions.map((d) => (isEntityType(d) ? { ...d, directives: [...(d.directives ?? []), KEY_ID] } : d)),
    ],
  };
}

/** The names of the entity types (those implementing Entity): the ones a router may resolve by id. */
export function entityTypeNames(typeDefs: readonly string[]): string[] {
  return typeDefs.flatMap((sdl) => parse(sdl).definitions.filter(isEntityType).map((d) => d.name.value));
}

/** The executable subgraph schema: `resolvers` plus a `__resolveReference` for every entity type. */
export function buildSubgraph(typeDefs: readonly string[], resolvers: Record<string, object>): GraphQLSchema {
  const withReferences: Record<string, object> = { ...resolvers };
  for (const typeName of entityTypeNames(typeDefs)) {
    withReferences[typeName] = {
      ...(resolvers[typeName] ?? {}),
      // A reference of the wrong type (a Tool id sent as a Practice) resolves to null, as a miss does.
      __resolveReference: async (ref: { id: string }, ctx: RequestContext) => {
        const found = typeof ref.id === 'string' ? await ctx.loaders.entity.load(ref.id) : null;
        return found && LABEL[found.kind] === typeName ? found : null;
      },
    };
  }
  return buildSubgraphSchema({ typeDefs: subgraphTypeDefs(typeDefs), resolvers: withReferences as SubgraphResolvers });
}
