// Checks on the entity records of the whole seed that no single file's schema can make: an entity
// that several files describe keeps every file's description and gets one shared summary, and the
// glosses of names a source only lists say that they are the curator's.
import type { EntityRecord } from '../schema.js';
import type { SeedProblem } from '../errors.js';

/** One file's record of an entity, where it is, and the source that file curates. */
export interface EntityContribution {
  readonly record: EntityRecord;
  readonly file: string;
  /** JSON path of the record in its file, e.g. "entities[3]". */
  readonly path: string;
  /** The source the file curates (its "source" field; a SOURCE record's own id in sources.json). */
  readonly source: string;
}

/**
 * Sources whose entity summaries of some kinds can only be general glosses, because the paper was
 * not read past the names: Bayram & Ahmed's methods are known from the acronym list alone.
 */
export const CURATOR_GLOSSES: readonly { readonly source: string; readonly kind: EntityRecord['kind']; readonly why: string }[] = [
  { source: 'source:bayram2024', kind: 'METHOD', why: 'the paper lists its methods only as acronyms, so their summaries are general glosses' },
];

/**
 * Every problem of the entity records, given each id's records in load order. `catalogueSources` are the
 * sources that are tool catalogues (sourceType CATALOGUE): a catalogue lists a tool without describing it
 * (its descriptions are not carried), so a catalogue file's record without a summary contributes no
 * description. It is not refused on an entity a review describes, and it does not count among the files
 * that must share a sharedSummary. A catalogue record that does give a summary counts like any other.
 */
export function checkEntities(byId: ReadonlyMap<string, readonly EntityContribution[]>, catalogueSources: ReadonlySet<string> = new Set()): SeedProblem[] {
  const problems: SeedProblem[] = [];
  for (const [id, all] of byId) {
    const records = all.filter((r) => !(r.record.summary === undefined && catalogueSources.has(r.source)));
    const files = [...new Set(records.map((r) => r.file))];
    const shared = records.filter((r) => r.record.sharedSummary !== undefined);
    if (files.length > 1) {
      for (const r of records) {
        if (r.record.summary === undefined) {
          const others = files.filter((f) => f !== r.file).join(', ');
          problems.push({ file: r.file, path: `${r.path}.summary`, message: `${id} is also described in ${others}: give this file's own description of it`, value: r.record.summary });
        }
      }
      if (shared.length === 0) {
        const first = records[0]!;
        problems.push({
          file: first.file,
          path: `${first.path}.sharedSummary`,
          message: `${id} is described in ${files.join(', ')}: give one sharedSummary that states only what all of them say`,
          value: first.record.summary,
        });
      }
      for (const r of shared.slice(1)) {
        problems.push({ file: r.file, path: `${r.path}.sharedSummary`, message: `${id} already has a sharedSummary in ${shared[0]!.file}`, value: r.record.sharedSummary });
      }
    } else {
      for (const r of shared) {
        problems.push({ file: r.file, path: `${r.path}.sharedSummary`, message: `only an entity that several files describe has a sharedSummary; put this text in summary`, value: r.record.sharedSummary });
      }
    }
    for (const r of records) {
      const gloss = CURATOR_GLOSSES.find((g) => g.source === r.source && g.kind === r.record.kind);
      if (gloss && r.record.summary !== undefined && r.record.summaryBasis !== 'CURATOR') {
        problems.push({ file: r.file, path: `${r.path}.summaryBasis`, message: `must be "CURATOR": ${gloss.why}`, value: r.record.summaryBasis ?? 'SOURCE (default)' });
      }
    }
  }
  return problems;
}
