// The inputs of `npm run catalogue:import`, validated: the catalogue file (../shared/catalogues/*.json),
// the curator's section-mappings.json and review-matches.json (seed/<catalogue>/). Each refusal names
// the file, the JSON path and the value, like the seed check does.
import { z } from 'zod';
import { jsonPath, valueAt, type SeedProblem } from '../errors.js';
import { EntityId } from '../schema.js';

const Name = z.string().min(1).max(200).refine((s) => s === s.trim(), 'must not start or end with white space');

export const CatalogueTool = z.strictObject({
  name: Name,
  // Kept as the README writes it, even without its scheme ("github.com/ray-project/ray"): the link key
  // of a row without a GitHub repository is this text, and the curators key their entries by it.
  url: z.union([z.url({ protocol: /^https?$/ }), z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+\/\S*$/i, 'a web address')]),
  githubRepo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'owner/name').nullable().optional(),
  section: Name,
  line: z.number().int().positive(),
});
export type CatalogueTool = z.infer<typeof CatalogueTool>;

export const CatalogueFile = z.strictObject({
  catalogue: Name,
  repository: z.string().regex(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/, 'a GitHub repository URL'),
  file: Name,
  commit: z.string().regex(/^[0-9a-f]{40}$/, 'a full 40-hex commit'),
  commitDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  license: Name,
  citation: z.string().min(1).max(400),
  what: z.string().optional(),
  sections: z.array(z.strictObject({ name: Name, line: z.number().int().positive(), tools: z.number().int() })).min(1),
  tools: z.array(CatalogueTool).min(1),
});
export type CatalogueFile = z.infer<typeof CatalogueFile>;

const Note = z.string().min(10).max(400);
/** Shorter: the import puts COVERS_NOTE_PREFIX before it, and a relation's note is at most 400 characters. */
const CoversNote = z.string().min(10).max(340);
/** Names people type for a section (e.g. "vector database"): the curator's search aliases of its category. */
const SectionAliases = z.array(Name).max(10).optional();

/** seed/<catalogue>/section-mappings.json: each section -> the practices and components it covers, or why none. */
export const SectionMappingsFile = z.strictObject({
  about: z.string().optional(),
  sections: z.record(
    Name,
    z.union([
      z.strictObject({ covers: z.array(z.strictObject({ id: EntityId, note: CoversNote })).min(1), aliases: SectionAliases }),
      z.strictObject({ unmapped: Note, aliases: SectionAliases }),
    ]),
  ),
});
export type SectionMappingsFile = z.infer<typeof SectionMappingsFile>;

/**
 * seed/<catalogue>/review-matches.json: the curator's decisions where matching a catalogue tool to a
 * review's tool by name is wrong or impossible. `match`: this link is that review tool; `noMatch`: it is
 * not, although a name or alias agrees. Keyed by the link key (GitHub owner/name lowercased, else the URL).
 */
export const ReviewMatchesFile = z.strictObject({
  about: z.string().optional(),
  match: z.array(z.strictObject({ link: z.string().min(3), id: EntityId, note: Note })).default([]),
  noMatch: z.array(z.strictObject({ link: z.string().min(3), id: EntityId, note: Note })).default([]),
});
export type ReviewMatchesFile = z.infer<typeof ReviewMatchesFile>;

/** seed/<catalogue>/ids.json: every id the import has ever given, by link and name; removed ones stay reserved. */
export const IdRegistryFile = z.strictObject({
  about: z.string().optional(),
  tools: z.record(EntityId, z.strictObject({ link: z.string().min(3), name: Name, removedAt: z.string().optional() })),
  sections: z.record(EntityId, z.strictObject({ name: Name, removedAt: z.string().optional() })),
});
export type IdRegistryFile = z.infer<typeof IdRegistryFile>;

/** Parses JSON text against a schema; problems name the file, the JSON path and the value. */
export function parseJson<S extends z.ZodType>(file: string, text: string, schema: S): { data?: z.infer<S>; problems: SeedProblem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { problems: [{ file, path: '', message: `is not valid JSON: ${(e as Error).message}` }] };
  }
  const result = schema.safeParse(json);
  if (result.success) return { data: result.data, problems: [] };
  return {
    problems: result.error.issues.map((issue) => ({ file, path: jsonPath(issue.path), message: issue.message, value: valueAt(json, issue.path) })),
  };
}

/** Lowercase letters and digits only: "FEAST" and "Feast", "TensorFlow Serving" and "Tensorflow Serving" agree. */
export function normaliseName(name: string): string {
  return name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** What a tool row is, across versions of the catalogue: its GitHub repository (lowercased), else its URL. */
export function linkKey(t: Pick<CatalogueTool, 'githubRepo' | 'url'>): string {
  return t.githubRepo ? t.githubRepo.toLowerCase() : t.url;
}

/** The checks no schema makes: sections agree with the rows, names are unique within a section. */
export function checkCatalogue(file: string, c: CatalogueFile): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const sectionIndex = new Map<string, number>();
  c.sections.forEach((s, i) => {
    if (sectionIndex.has(s.name)) problems.push({ file, path: `sections[${i}].name`, message: 'names a section twice', value: s.name });
    sectionIndex.set(s.name, i);
  });
  const rowsPerSection = new Map<string, number>();
  const namesPerSection = new Map<string, Map<string, number>>();
  c.tools.forEach((t, i) => {
    if (!sectionIndex.has(t.section)) {
      problems.push({ file, path: `tools[${i}].section`, message: 'is not one of the catalogue\'s sections', value: t.section });
      return;
    }
    rowsPerSection.set(t.section, (rowsPerSection.get(t.section) ?? 0) + 1);
    const names = namesPerSection.get(t.section) ?? new Map<string, number>();
    namesPerSection.set(t.section, names);
    const key = t.name.toLowerCase();
    const prior = names.get(key);
    if (prior !== undefined) {
      problems.push({ file, path: `tools[${i}].name`, message: `duplicates the name of tools[${prior}] in section "${t.section}"`, value: t.name });
    } else names.set(key, i);
  });
  c.sections.forEach((s, i) => {
    const rows = rowsPerSection.get(s.name) ?? 0;
    if (s.tools < 1 || rows === 0) {
      problems.push({ file, path: `sections[${i}]`, message: `is an empty section (it lists ${rows} tools)`, value: s.name });
    } else if (rows !== s.tools) {
      problems.push({ file, path: `sections[${i}].tools`, message: `says ${s.tools} tools, but ${rows} rows name this section`, value: s.tools });
    }
  });
  return problems;
}
