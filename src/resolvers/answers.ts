// Query fields of schema/answers.graphql (problems, gaps, compareTools) and the computed fields the
// answers add to the analysis types (RankedPractice.why, CoverageCell.sourceCount). Thin: check the
// arguments, read through a repository, shape with the pure functions of src/analysis/.
import type { GraphQLResolveInfo } from 'graphql';
import { compareTools as compareCells } from '../analysis/compare.js';
import { buildCells } from '../analysis/coverage.js';
import { gapsOf } from '../analysis/gaps.js';
import type { CoverageCellModel, GapsModel, ProblemMatchModel, RankedPracticeModel, ToolComparisonModel } from '../analysis/models.js';
import { entitiesOf } from '../analysis/paths.js';
import { matchProblems, type ChallengeDocument } from '../analysis/problems.js';
import { shortSourceName, sourcesOfWhy, whyOf, type PartReading } from '../analysis/why.js';
import { VersionedCache, versionOf } from '../cache/versioned-cache.js';
import { badInput, intInRange } from '../domain/arguments.js';
import { TOOL_TYPES, type ToolType } from '../domain/ontology.js';
import type { CoverageCellResolvers, QueryCompareToolsArgs, QueryGapsArgs, QueryProblemsArgs, QueryResolvers, RankedPracticeResolvers } from '../generated/graphql.js';
import type { RequestContext } from '../graphql/context.js';
import { analysisEntityProps } from '../loaders/analysis-lookahead.js';
import { coveragePaths } from '../repos/analysis.js';
import { allAddressingPaths, challengeDocuments } from '../repos/answers.js';
import { graphVersion } from '../repos/dataset.js';
import { MAX_SEARCH_TEXT } from './analysis.js';
import { refuseUnknownIds } from './unknown-ids.js';

/** Every challenge's wording, per dataset version (a few hundred entities at most). */
const documentsCache = new VersionedCache<ChallengeDocument[]>(50_000, (docs) => docs.reduce((n, d) => n + 1 + d.related.length, 0));

async function problems(args: QueryProblemsArgs, ctx: RequestContext): Promise<ProblemMatchModel[]> {
  const first = intInRange('first', args.first, 1, 20, 5);
  const text = args.text.trim();
  if (text === '') throw badInput('text', 'must not be blank');
  if (text.length > MAX_SEARCH_TEXT) throw badInput('text', `at most ${MAX_SEARCH_TEXT} characters, got ${text.length}`);
  const documents = await documentsCache.get(() => graphVersion(ctx.db), 'challenges', async () => {
    const read = await challengeDocuments(ctx.db);
    return { value: read.documents, version: versionOf(read.versionBefore, read.versionAfter) };
  });
  const matches = matchProblems(text, documents, first);
  for (const m of matches) ctx.loaders.entity.prime(m.challenge.id, m.challenge);
  return matches;
}

/** Tool types: absent means PRODUCT (the SDL default); an empty list means every type. */
function toolTypesArg(values: readonly ToolType[] | null | undefined): ToolType[] | null {
  if (values === null || values === undefined) return ['PRODUCT'];
  return values.length === 0 ? null : [...new Set(values)].sort();
}

async function gaps(args: QueryGapsArgs, ctx: RequestContext): Promise<GapsModel> {
  const minConfidence = args.minConfidence ?? 'INFERRED';
  const toolTypes = toolTypesArg(args.toolTypes);
  // Both reads need ids, kinds, names and confidences only; the answer's entities are read whole.
  const [addressing, support] = await Promise.all([allAddressingPaths(ctx.db, []), coveragePaths(ctx.db, null, null, false, ['toolType'])]);
  const cells = buildCells(support.paths, { minConfidence, toolTypes });
  const open = gapsOf(addressing.challenges, addressing.paths, support.practices, cells, minConfidence, toolTypes ?? [...TOOL_TYPES]);
  const ids = [...open.challengesWithoutPractice, ...open.practicesWithoutTool].map((e) => e.id);
  // The answer's entities whole, through the loader (one batched read), so every field may be asked.
  const whole = new Map((await ctx.loaders.entity.loadMany(ids)).flatMap((e) => (e && !(e instanceof Error) ? [[e.id, e] as const] : [])));
  return {
    challengesWithoutPractice: open.challengesWithoutPractice.map((c) => whole.get(c.id) ?? c),
    practicesWithoutTool: open.practicesWithoutTool.map((p) => whole.get(p.id) ?? p),
    toolTypes: open.toolTypes,
  };
}

const MAX_COMPARED_TOOLS = 20;

async function compareTools(args: QueryCompareToolsArgs, ctx: RequestContext, info: GraphQLResolveInfo): Promise<ToolComparisonModel> {
  const toolIds = [...new Set(args.toolIds.map((v) => v.trim()))];
  if (toolIds.length < 2) throw badInput('toolIds', `give at least 2 distinct tool ids, got ${toolIds.length}`);
  if (toolIds.length > MAX_COMPARED_TOOLS) throw badInput('toolIds', `at most ${MAX_COMPARED_TOOLS} ids, got ${toolIds.length}`);
  const props = analysisEntityProps(info, []);
  const read = await coveragePaths(ctx.db, toolIds, null, false, props);
  const found = new Map(read.tools.map((t) => [t.id, t]));
  const missing = toolIds.filter((id) => !found.has(id));
  if (missing.length > 0) await refuseUnknownIds(ctx, 'toolIds', missing, ['TOOL'], 'TOOL');
  const cells = buildCells(read.paths, { minConfidence: args.minConfidence ?? 'INFERRED' });
  if (props === null) for (const e of [...read.tools, ...entitiesOf(read.paths)]) ctx.loaders.entity.prime(e.id, e);
  return compareCells(toolIds.map((id) => found.get(id)!), cells);
}

export function answerQueryResolvers() {
  return {
    problems: (_parent, args, ctx) => problems(args, ctx),
    gaps: (_parent, args, ctx) => gaps(args, ctx),
    compareTools: (_parent, args, ctx, info) => compareTools(args, ctx, info),
  } satisfies QueryResolvers;
}

/** RankedPractice.why: the sources' short names come through the entity loader (one batched read). */
export const rankedPracticeResolvers = {
  why: async (r: RankedPracticeModel, _args: unknown, ctx: RequestContext) => {
    const ids = sourcesOfWhy(r);
    const sources = await ctx.loaders.entity.loadMany(ids);
    const names = new Map<string, string>();
    const partlyRead = new Map<string, PartReading>();
    for (const s of sources) {
      if (!s || s instanceof Error) continue;
      names.set(s.id, shortSourceName(s));
      if (s.attributes.reading === 'PARTIAL' || s.attributes.reading === 'ABSTRACT_ONLY') partlyRead.set(s.id, s.attributes.reading);
    }
    return whyOf(r, names, partlyRead);
  },
} satisfies RankedPracticeResolvers;

export const coverageCellResolvers = {
  sourceCount: (c: CoverageCellModel) => new Set(c.citations.map((x) => x.source)).size,
} satisfies CoverageCellResolvers;
