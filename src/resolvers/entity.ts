// Resolvers shared by every entity type: the interface's type resolution, the generic `links`
// field, and the typed relation fields of each kind (all batched through loaders.links).
import { ENTITY_KINDS, LABEL } from '../domain/ontology.js';
import type { Resolvers } from '../generated/graphql.js';
import type { EntityModel } from '../model.js';
import type { RequestContext } from '../context.js';
import { intInRange } from './errors.js';
import { LINK_FIELDS } from './link-fields.js';

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
  const fields: Record<string, (e: EntityModel, args: { first?: number | null }, ctx: RequestContext) => unknown> = {};
  for (const [field, spec] of Object.entries(LINK_FIELDS[typeName] ?? {})) {
    fields[field] = (e, args, ctx) =>
      ctx.loaders.links.load({
        id: e.id,
        types: [...spec.types].sort(),
        direction: spec.direction,
        kind: spec.kind,
        first: intInRange('first', args.first, 1, 100, 50),
      });
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
      source: async (c: { source: string }, _args: unknown, ctx: RequestContext) => {
        const s = await ctx.loaders.entity.load(c.source);
        if (!s) throw new Error(`citation names unknown source ${c.source}`);
        return s;
      },
    },
    Relation: {
      from: (r: { from: string }, _a: unknown, ctx: RequestContext) => ctx.loaders.entity.load(r.from),
      to: (r: { to: string }, _a: unknown, ctx: RequestContext) => ctx.loaders.entity.load(r.to),
    },
  };
  for (const kind of ENTITY_KINDS) {
    const typeName = LABEL[kind];
    resolvers[typeName] = { ...commonFields(), ...typedLinkFields(typeName), ...(kind === 'SOURCE' ? sourceFields : {}) };
  }
  return resolvers as Resolvers;
}
