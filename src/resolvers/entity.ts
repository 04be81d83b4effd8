// Resolvers shared by every entity type: the interface's type resolution, the generic `links`
// field, and the typed relation fields of each kind (all batched through loaders.links, or taken
// from what the list's look-ahead fetched).
import type { GraphQLResolveInfo } from 'graphql';
import { intInRange } from '../domain/arguments.js';
import { linkFieldsOf, type LINK_FIELDS, type LinkFieldType } from '../domain/link-fields.js';
import type { EntityModel, LinkModel } from '../domain/model.js';
import { LABEL } from '../domain/ontology.js';
import { citationUrl, sourceUrl } from '../domain/source-links.js';
import type { PracticeLinksArgs, Resolvers } from '../generated/graphql.js';
import { typedLinkRequest } from '../loaders/link-request.js';
import { prefetchedLinks } from '../loaders/prefetch.js';
import type { RequestContext } from '../graphql/context.js';
import { asksOnlyId, entityRef } from './id-only.js';

/** The arguments of `links` (the same on every entity type). */
type LinksArgs = PracticeLinksArgs;

/** Field resolvers every per-kind type shares. */
const commonFields = {
  links: (e: EntityModel, args: LinksArgs, ctx: RequestContext) =>
    ctx.loaders.links.load({
      id: e.id,
      types: args.types && args.types.length > 0 ? [...args.types].sort() : null,
      direction: args.direction ?? 'BOTH',
      kind: null,
      first: intInRange('first', args.first, 1, 100, 50),
    }),
};

type LinkFieldResolver = (e: EntityModel, args: { first?: number | null }, ctx: RequestContext, info: GraphQLResolveInfo) => LinkModel[] | Promise<LinkModel[]>;

/** The typed relation fields of `typeName`, one resolver per entry of the link-field table. */
function typedLinkFields<T extends LinkFieldType>(typeName: T): Record<keyof (typeof LINK_FIELDS)[T], LinkFieldResolver> {
  const fields: Record<string, LinkFieldResolver> = {};
  for (const [field, spec] of Object.entries(linkFieldsOf(typeName))) {
    // Fetched ahead with the list this entity is in (src/loaders/prefetch.ts), or batched per level.
    fields[field] = (e, args, ctx, info) => prefetchedLinks(ctx.loaders.prefetched, info) ?? ctx.loaders.links.load(typedLinkRequest(e.id, spec, args));
  }
  // The keys are exactly the table's entries for this type (the loop above went over them).
  return fields as Record<keyof (typeof LINK_FIELDS)[T], LinkFieldResolver>;
}

const SOURCE_TYPES = ['REVIEW', 'STUDY', 'CATALOGUE'] as const;
const READINGS = ['FULL_TEXT', 'PARTIAL', 'ABSTRACT_ONLY'] as const;

/** A Source's own fields live in its attributes (src/seed/schema.ts: a review's or a catalogue's). */
const optionalText = (key: string) => (e: EntityModel) => (typeof e.attributes[key] === 'string' ? (e.attributes[key] as string) : null);
const sourceFields = {
  sourceType: (e: EntityModel) => SOURCE_TYPES.find((t) => t === e.attributes.sourceType) ?? ('REVIEW' as const),
  url: (e: EntityModel) => sourceUrl(e.attributes),
  doi: optionalText('doi'),
  // A catalogue is read whole (every row of the file); a paper says what was read of it.
  reading: (e: EntityModel) => READINGS.find((r) => r === e.attributes.reading) ?? ('FULL_TEXT' as const),
  authors: (e: EntityModel) => (e.attributes.authors as string[] | undefined) ?? [],
  year: (e: EntityModel) => e.attributes.year as number,
  venue: (e: EntityModel) => e.attributes.venue as string,
  arxiv: optionalText('arxiv'),
  repository: optionalText('repository'),
  commit: optionalText('commit'),
  commitDate: optionalText('commitDate'),
  licence: optionalText('licence'),
  citeAs: optionalText('citeAs'),
  coverage: (e: EntityModel) => e.attributes.coverage as string,
};

/**
 * Resolves a reference to an entity: from the id alone when only the id is asked, else by the loader.
 * Every stored reference names an entity the graph holds (the seed check sees to it): a miss is a bug.
 */
async function reference(id: string, ctx: RequestContext, info: GraphQLResolveInfo): Promise<EntityModel> {
  const found = asksOnlyId(info) ? entityRef(id) : await ctx.loaders.entity.load(id);
  if (!found) throw new Error(`a stored reference names ${id}, which the graph does not hold`);
  return found;
}

export function entityResolvers() {
  return {
    Entity: {
      __resolveType: (e) => LABEL[e.kind],
    },
    Citation: {
      source: (c, _args, ctx, info) => reference(c.source, ctx, info),
      // Sources are few and the loader caches them per request: one batched read whatever the page size.
      url: async (c, _args, ctx) => {
        const source = await ctx.loaders.entity.load(c.source);
        return source ? citationUrl(c.locator, source.attributes) : null;
      },
    },
    SourceDescription: {
      source: (d, _args, ctx, info) => reference(d.source, ctx, info),
    },
    Relation: {
      from: (r, _args, ctx, info) => reference(r.from, ctx, info),
      to: (r, _args, ctx, info) => reference(r.to, ctx, info),
    },
    Source: { ...commonFields, ...sourceFields },
    Practice: { ...commonFields, ...typedLinkFields('Practice') },
    Challenge: { ...commonFields, ...typedLinkFields('Challenge') },
    Solution: { ...commonFields, ...typedLinkFields('Solution') },
    Tool: { ...commonFields, ...typedLinkFields('Tool') },
    Role: { ...commonFields, ...typedLinkFields('Role') },
    OpenIssue: { ...commonFields, ...typedLinkFields('OpenIssue') },
    Stage: { ...commonFields, ...typedLinkFields('Stage') },
    Activity: { ...commonFields, ...typedLinkFields('Activity') },
    Category: { ...commonFields, ...typedLinkFields('Category') },
    Principle: { ...commonFields, ...typedLinkFields('Principle') },
    Component: { ...commonFields, ...typedLinkFields('Component') },
    Definition: { ...commonFields, ...typedLinkFields('Definition') },
    Goal: { ...commonFields, ...typedLinkFields('Goal') },
    RobustnessAspect: { ...commonFields, ...typedLinkFields('RobustnessAspect') },
    Method: { ...commonFields, ...typedLinkFields('Method') },
  } satisfies Resolvers;
}
