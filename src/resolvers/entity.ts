// Resolvers shared by every entity type: the interface's type resolution, the generic `links`
// field, and the typed relation fields of each kind (all batched through loaders.links).
import { ENTITY_KINDS, LABEL } from '../domain/ontology.js';
import type { Resolvers } from '../generated/graphql.js';
import type { EntityModel } from '../model.js';
import type { RequestContext } from '../context.js';
import type { GraphQLResolveInfo } from 'graphql';
import { intInRange } from './errors.js';
import { asksOnlyId, entityRef } from './id-only.js';
import { prefetchedLinks } from './prefetch.js';
import { LINK_FIELDS, typedLinkRequest } from './link-fields.js';

type Direction = 'OUT' | 'IN' | 'BOTH';

const linksField = (entity: EntityModel, args: { direction?: Direction | null; types?: readonly string[] | null; first?: number | null }, ctx: RequestContext) =>
  ctx.loaders.links.load({
    id: entity.id,
    types: args.types && args.types.length > 0 ? [...args.types].sort() : null,
    direction: args.direction ?? 'BOTH',
    kind: null,
    first: intInRange('first', args.first, 1, 100, 50),
  });

/** Field resolvers every per-kind type shares. */
function commonFields() {
  return {
    links: (e: EntityModel, args: { direction?: Direction | null; types?: readonly string[] | null; first?: number | null }, ctx: RequestContext) =>
      linksField(e, args, ctx),
  };
}

function typedLinkFields(typeName: string) {
  const fields: Record<string, (e: EntityModel, args: { first?: number | null }, ctx: RequestContext, info: GraphQLResolveInfo) => unknown> = {};
  for (const [field, spec] of Object.entries(LINK_FIELDS[typeName] ?? {})) {
    // Fetched ahead with the list this entity is in (src/resolvers/prefetch.ts), or batched per level.
    fields[field] = (e, args, ctx, info) => prefetchedLinks(ctx, info) ?? ctx.loaders.links.load(typedLinkRequest(e.id, spec, args));
  }
  return fields;
}

const sourceFields = {
  authors: (e: EntityModel) => (e.attributes.authors as string[] | undefined) ?? [],
  year: (e: EntityModel) => e.attributes.year as number,
  venue: (e: EntityModel) => e.attributes.venue as string,
  arxiv: (e: EntityModel) => e.attributes.arxiv as string,
  coverage: (e: EntityModel) => e.attributes.coverage as string,
};

export function entityResolvers(): Resolvers {
  const resolvers: Record<string, unknown> = {
    Entity: {
      __resolveType: (e: EntityModel) => LABEL[e.kind],
    },
    Citation: {
      source: async (c: { source: string }, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) => {
        if (asksOnlyId(info)) return entityRef(c.source);
        const s = await ctx.loaders.entity.load(c.source);
        if (!s) throw new Error(`citation names unknown source ${c.source}`);
        return s;
      },
    },
    Relation: {
      from: (r: { from: string }, _a: unknown, ctx: RequestContext, info: GraphQLResolveInfo) => (asksOnlyId(info) ? entityRef(r.from) : ctx.loaders.entity.load(r.from)),
      to: (r: { to: string }, _a: unknown, ctx: RequestContext, info: GraphQLResolveInfo) => (asksOnlyId(info) ? entityRef(r.to) : ctx.loaders.entity.load(r.to)),
    },
  };
  for (const kind of ENTITY_KINDS) {
    const typeName = LABEL[kind];
    resolvers[typeName] = { ...commonFields(), ...typedLinkFields(typeName), ...(kind === 'SOURCE' ? sourceFields : {}) };
  }
  return resolvers as Resolvers;
}
