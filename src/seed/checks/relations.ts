// Checks on the relation records of the whole seed that no single file's schema can make: the
// catch-all RELATED_TO stays rare and explained, and every crosswalk link says what it rests on.
import path from 'node:path';
import { relationId, type RelationType } from '../../domain/ontology.js';
import type { Parsed } from '../files.js';
import type { RelationsFile } from '../schema.js';
import type { SeedProblem } from '../errors.js';

/** Largest share of the (merged) relations that may be RELATED_TO: a specific type is the rule. */
export const MAX_RELATED_TO_SHARE = 0.03;

/**
 * Types that link notions across sources, kinds or framings (seed/README.md, "Crosswalk"). A curator's
 * judgement, so each needs a note giving its basis.
 */
export const CROSSWALK_TYPES: readonly RelationType[] = ['CORRESPONDS_TO', 'NARROWER_THAN', 'PARTLY_OVERLAPS'];

/** The file that holds the links no single digest states: all of them are INFERRED. */
export const CROSSWALK_FILE = 'crosswalk.relations.json';

type RelationsFiles = readonly Parsed<typeof RelationsFile>[];

/** Every problem of the relation records, given the parsed relation files in load order. */
export function checkRelations(files: RelationsFiles): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const all = new Set<string>();
  const related = new Map<string, { file: string; path: string }>();

  for (const f of files) {
    const isCrosswalk = path.basename(f.file) === CROSSWALK_FILE;
    f.data.relations.forEach((r, i) => {
      const at = `relations[${i}]`;
      const id = relationId(r.type, r.from, r.to);
      all.add(id);
      if (r.type === 'RELATED_TO') {
        if (!related.has(id)) related.set(id, { file: f.file, path: at });
        if (r.note === undefined) {
          problems.push({ file: f.file, path: `${at}.note`, message: 'a RELATED_TO needs a note saying what the link is and why no specific type fits', value: id });
        }
      }
      if (CROSSWALK_TYPES.includes(r.type as RelationType) && r.note === undefined) {
        problems.push({ file: f.file, path: `${at}.note`, message: `a ${r.type} link is a crosswalk judgement: give a note saying what it rests on`, value: id });
      }
      if (isCrosswalk) {
        r.citations.forEach((c, j) => {
          if (c.confidence !== 'INFERRED') {
            problems.push({
              file: f.file,
              path: `${at}.citations[${j}].confidence`,
              message: `${CROSSWALK_FILE} holds only the curator's links, which are INFERRED; a link a digest states belongs in that source's relations file`,
              value: c.confidence,
            });
          }
        });
        if (r.note === undefined && !CROSSWALK_TYPES.includes(r.type as RelationType)) {
          problems.push({ file: f.file, path: `${at}.note`, message: 'every link of the crosswalk needs a note saying what it rests on', value: id });
        }
      }
    });
  }

  const share = all.size === 0 ? 0 : related.size / all.size;
  if (share > MAX_RELATED_TO_SHARE) {
    const perFile = new Map<string, number>();
    for (const r of related.values()) perFile.set(r.file, (perFile.get(r.file) ?? 0) + 1);
    const [worst] = [...perFile.entries()].sort((a, b) => b[1] - a[1]);
    const first = [...related.values()].find((r) => r.file === worst![0])!;
    problems.push({
      file: first.file,
      path: first.path,
      message:
        `RELATED_TO is ${(share * 100).toFixed(1)} % of the relations (${related.size} of ${all.size}), over the limit of ${MAX_RELATED_TO_SHARE * 100} %: ` +
        `use a specific type (src/domain/ontology.ts). RELATED_TO per file: ${[...perFile.entries()].map(([file, n]) => `${file} ${n}`).join(', ')}`,
      value: `${related.size}/${all.size}`,
    });
  }
  return problems;
}
