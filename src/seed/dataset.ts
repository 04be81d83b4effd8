// Merges the parsed seed files into one dataset and checks it as a whole: ids, kinds, endpoints,
// levels, citations and the ledger. The loader writes only a dataset that passed here.
import { createHash } from 'node:crypto';
import { kindOfId, RELATION_RULES, relationId, type EntityKind, type RelationRule, type RelationType } from '../domain/ontology.js';
import type { SeedFiles } from './files.js';
import type { Citation, EntityRecord, SummaryBasis, ToolType } from './schema.js';
import type { SeedProblem } from './errors.js';
import { checkRelations } from './checks/relations.js';
import { checkEntities, type EntityContribution } from './checks/entities.js';
import { checkCurations } from './checks/curation.js';

export type AttributeValue = EntityRecord['attributes'][string];

/** One source file's description of an entity (its record's summary), in its source's terms. */
export interface EntityDescription {
  readonly source: string;
  readonly text: string;
  /** SOURCE: says what the paper says. CURATOR: a general gloss of a name the paper only lists. */
  readonly basis: SummaryBasis;
}

export interface DatasetEntity {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  /** The primary one-liner: the sharedSummary of an entity several files describe, else its one summary. */
  readonly summary: string | null;
  /** Every file's description, in load order (seed/CURATING.md). */
  readonly descriptions: EntityDescription[];
  /** TOOL: the curator's classification (schema.ts TOOL_TYPES); null for every other kind. */
  readonly toolType: ToolType | null;
  readonly aliases: string[];
  readonly attributes: Record<string, AttributeValue>;
  readonly citations: Citation[];
}

export interface DatasetRelation {
  readonly id: string;
  readonly type: RelationType;
  readonly from: string;
  readonly to: string;
  readonly level: string | null;
  readonly note: string | null;
  readonly citations: Citation[];
}

export interface LedgerItem {
  readonly key: string;
  readonly file: string;
  readonly carriedBy: readonly string[];
  readonly omitted: string | null;
}

export interface Dataset {
  readonly entities: DatasetEntity[];
  readonly relations: DatasetRelation[];
  readonly ledger: LedgerItem[];
  /** sha256 of the canonical content: equal datasets hash equal, whatever the file layout. */
  readonly contentHash: string;
}

export interface BuildResult {
  readonly dataset?: Dataset;
  readonly problems: SeedProblem[];
}

interface Origin {
  readonly file: string;
  readonly path: string;
}

export function buildDataset(files: SeedFiles): BuildResult {
  const problems: SeedProblem[] = [];
  const entities = new Map<string, { entity: DatasetEntity; origin: Origin }>();
  const contributions = new Map<string, EntityContribution[]>();

  const addEntity = (record: EntityRecord, origin: Origin, seenInFile: Set<string>, source: string) => {
    if (seenInFile.has(record.id)) {
      problems.push({ ...origin, path: `${origin.path}.id`, message: 'duplicate id in this file', value: record.id });
      return;
    }
    seenInFile.add(record.id);
    if (kindOfId(record.id) !== record.kind) {
      problems.push({ ...origin, path: `${origin.path}.id`, message: `the id's prefix does not match kind ${record.kind}`, value: record.id });
      return;
    }
    const described = record.summary === undefined ? [] : [{ source, text: record.summary, basis: record.summaryBasis ?? 'SOURCE' } as const];
    const prior = entities.get(record.id);
    if (!prior) {
      contributions.set(record.id, [{ record, ...origin, source }]);
      entities.set(record.id, {
        origin,
        entity: {
          id: record.id,
          kind: record.kind,
          name: record.name,
          summary: record.sharedSummary ?? record.summary ?? null,
          descriptions: described,
          toolType: record.toolType ?? null,
          aliases: [...record.aliases],
          attributes: { ...record.attributes },
          citations: [...record.citations],
        },
      });
      return;
    }
    // The same id in a second file is the same thing described by another source: merge.
    const e = prior.entity;
    if (e.kind !== record.kind) {
      problems.push({ ...origin, path: `${origin.path}.kind`, message: `id ${record.id} is a ${e.kind} in ${prior.origin.file}`, value: record.kind });
      return;
    }
    contributions.get(record.id)!.push({ record, ...origin, source });
    if ((record.toolType ?? null) !== e.toolType) {
      problems.push({ ...origin, path: `${origin.path}.toolType`, message: `differs from the toolType in ${prior.origin.file} (${e.toolType})`, value: record.toolType });
    }
    for (const [key, value] of Object.entries(record.attributes)) {
      if (key in e.attributes && JSON.stringify(e.attributes[key]) !== JSON.stringify(value)) {
        problems.push({ ...origin, path: `${origin.path}.attributes.${key}`, message: `clashes with the value in ${prior.origin.file}; prefix the key with your source`, value });
      } else {
        e.attributes[key] = value;
      }
    }
    for (const alias of [record.name, ...record.aliases]) {
      if (alias !== e.name && !e.aliases.includes(alias)) e.aliases.push(alias);
    }
    e.descriptions.push(...described);
    if (record.sharedSummary) (e as { summary: string | null }).summary = record.sharedSummary;
    else if (e.summary === null && record.summary) (e as { summary: string | null }).summary = record.summary;
    e.citations.push(...record.citations);
  };

  for (const f of files.sources) f.data.sources.forEach((s, i) => addEntity(s, { file: f.file, path: `sources[${i}]` }, new Set(), s.id));
  for (const f of files.entities) {
    const seen = new Set<string>();
    f.data.entities.forEach((record, i) => addEntity(record, { file: f.file, path: `entities[${i}]` }, seen, f.data.source));
  }
  const catalogueSources = new Set(
    files.sources.flatMap((f) => f.data.sources.filter((s) => 'sourceType' in s.attributes && s.attributes.sourceType === 'CATALOGUE').map((s) => s.id)),
  );
  problems.push(...checkEntities(contributions, catalogueSources));
  problems.push(...checkCurations(files, (id) => entities.get(id)?.entity.kind));
  if (files.searchAliases) {
    const f = files.searchAliases;
    f.data.aliases.forEach((a, i) => {
      const e = entities.get(a.id)?.entity;
      if (!e) problems.push({ file: f.file, path: `aliases[${i}].id`, message: 'names no entity of the seed', value: a.id });
      else for (const alias of a.aliases) if (alias !== e.name && !e.aliases.includes(alias)) e.aliases.push(alias);
    });
  }

  const sourceIds = new Set(files.sources.flatMap((f) => f.data.sources.map((s) => s.id)));
  const checkCitations = (citations: readonly Citation[], origin: Origin) =>
    citations.forEach((c, i) => {
      if (!sourceIds.has(c.source)) {
        problems.push({ ...origin, path: `${origin.path}.citations[${i}].source`, message: 'names no source of seed/sources.json', value: c.source });
      }
    });
  for (const { entity, origin } of entities.values()) checkCitations(entity.citations, origin);

  const relations = new Map<string, { relation: DatasetRelation; origin: Origin }>();
  for (const f of files.relations) {
    const seen = new Set<string>();
    f.data.relations.forEach((r, i) => {
      const origin = { file: f.file, path: `relations[${i}]` };
      const type = r.type as RelationType;
      const rule: RelationRule = RELATION_RULES[type];
      const id = relationId(type, r.from, r.to);
      if (seen.has(id)) {
        problems.push({ ...origin, message: 'duplicate relation in this file (same type, from and to)', value: id, path: origin.path });
        return;
      }
      seen.add(id);
      let ok = true;
      for (const end of ['from', 'to'] as const) {
        const target = entities.get(r[end]);
        const allowed = end === 'from' ? rule.from : rule.to;
        if (!target) {
          problems.push({ ...origin, path: `${origin.path}.${end}`, message: 'names no entity of the seed', value: r[end] });
          ok = false;
        } else if (!allowed.includes(target.entity.kind)) {
          problems.push({
            ...origin,
            path: `${origin.path}.${end}`,
            message: `${type} may not ${end === 'from' ? 'start at' : 'end at'} a ${target.entity.kind} (allowed: ${allowed.join(', ')})`,
            value: r[end],
          });
          ok = false;
        }
      }
      if (r.from === r.to) {
        problems.push({ ...origin, path: `${origin.path}.to`, message: 'a relation may not link an entity to itself', value: r.to });
        ok = false;
      }
      if (r.level !== undefined && !rule.levels?.includes(r.level)) {
        problems.push({
          ...origin,
          path: `${origin.path}.level`,
          message: rule.levels ? `${type} levels are ${rule.levels.join(', ')}` : `${type} has no levels`,
          value: r.level,
        });
        ok = false;
      }
      checkCitations(r.citations, origin);
      if (!ok) return;
      const prior = relations.get(id);
      if (!prior) {
        relations.set(id, {
          origin,
          relation: { id, type, from: r.from, to: r.to, level: r.level ?? null, note: r.note ?? null, citations: [...r.citations] },
        });
      } else if (prior.relation.level !== (r.level ?? null) && r.level !== undefined && prior.relation.level !== null) {
        problems.push({ ...origin, path: `${origin.path}.level`, message: `conflicts with level ${prior.relation.level} in ${prior.origin.file}`, value: r.level });
      } else {
        if (prior.relation.level === null && r.level) (prior.relation as { level: string | null }).level = r.level;
        if (prior.relation.note === null && r.note) (prior.relation as { note: string | null }).note = r.note;
        prior.relation.citations.push(...r.citations);
      }
    });
  }

  problems.push(...checkRelations(files.relations));

  const ledger: LedgerItem[] = [];
  const ledgerKeys = new Map<string, string>();
  for (const f of files.ledgers) {
    for (const [key, entry] of Object.entries(f.data.items)) {
      const path = `items[${JSON.stringify(key)}]`;
      const other = ledgerKeys.get(key);
      if (other) {
        problems.push({ file: f.file, path, message: `is also in ${other}` });
        continue;
      }
      ledgerKeys.set(key, f.file);
      const carriedBy = 'carriedBy' in entry ? entry.carriedBy : [];
      carriedBy.forEach((id, i) => {
        if (!entities.has(id) && !relations.has(id)) {
          problems.push({ file: f.file, path: `${path}.carriedBy[${i}]`, message: 'names no entity or relation of the seed', value: id });
        }
      });
      ledger.push({ key, file: f.file, carriedBy, omitted: 'omitted' in entry ? entry.omitted : null });
    }
  }

  if (problems.length > 0) return { problems };
  const entityList = [...entities.values()].map((e) => canonicalEntity(e.entity)).sort(byId);
  const relationList = [...relations.values()].map((r) => canonicalRelation(r.relation)).sort(byId);
  return {
    problems,
    dataset: { entities: entityList, relations: relationList, ledger, contentHash: hashOf(entityList, relationList) },
  };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function uniqueCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Map<string, Citation>();
  for (const c of citations) seen.set(`${c.source}\u0000${c.locator}\u0000${c.digestId}\u0000${c.confidence}`, c);
  return [...seen.values()].sort((a, b) => (a.source + a.digestId + a.locator).localeCompare(b.source + b.digestId + b.locator));
}

function canonicalEntity(e: DatasetEntity): DatasetEntity {
  return { ...e, citations: uniqueCitations(e.citations) };
}

function canonicalRelation(r: DatasetRelation): DatasetRelation {
  return { ...r, citations: uniqueCitations(r.citations) };
}

/** Hash of the graph content (not of the files): the loader stamps it as the dataset version. */
export function hashOf(entities: readonly DatasetEntity[], relations: readonly DatasetRelation[]): string {
  const h = createHash('sha256');
  for (const e of entities) h.update(JSON.stringify(e)).update('\n');
  for (const r of relations) h.update(JSON.stringify(r)).update('\n');
  return h.digest('hex');
}
