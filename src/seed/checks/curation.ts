// Checks of the per-tool curation files (seed/<catalogue>/tool-curation.json) against the seed, where a
// catalogue folder has one: every tool the folder lists has an entry (no catalogue tool goes untyped),
// the folder was imported with it (its tools carry toolTypeBasis), and every map ends at a practice or
// component the seed holds. The entries' types and notes are checked by the file's zod schema.
import path from 'node:path';
import type { EntityKind } from '../../domain/ontology.js';
import { CATALOGUES } from '../catalogue/build.js';
import type { SeedFiles } from '../files.js';
import type { SeedProblem } from '../errors.js';

export function checkCurations(files: SeedFiles, kindOf: (id: string) => EntityKind | undefined): SeedProblem[] {
  const problems: SeedProblem[] = [];
  for (const c of files.curations) {
    const prefix = Object.values(CATALOGUES).find((t) => t.folder === c.folder)?.prefix;
    Object.entries(c.data.tools).forEach(([key, t]) => {
      (t.maps ?? []).forEach((m, i) => {
        const kind = kindOf(m.id);
        if (kind !== 'PRACTICE' && kind !== 'COMPONENT') {
          problems.push({ file: c.file, path: `tools[${JSON.stringify(key)}].maps[${i}].id`, message: kind ? `is a ${kind}, not a practice or component` : 'names no practice or component of the seed', value: m.id });
        }
      });
    });
    if (!prefix) continue;
    for (const f of files.entities) {
      if (path.basename(path.dirname(f.file)) !== c.folder) continue;
      f.data.entities.forEach((e, i) => {
        if (e.kind !== 'TOOL') return;
        const repo = e.attributes[`${prefix}GithubRepo`];
        const key = typeof repo === 'string' ? repo.toLowerCase() : e.attributes[`${prefix}Url`];
        if (typeof key !== 'string') return;
        const at = { file: f.file, path: `entities[${i}]`, value: e.id };
        if (!(key in c.data.tools)) problems.push({ ...at, message: `is a catalogue tool the curator has not typed: ${c.file} has no entry for ${key}` });
        else if (e.attributes.toolTypeBasis !== 'CURATOR') problems.push({ ...at, message: `was imported without its curation: run npm run catalogue:import to type and map it from ${c.file}` });
      });
    }
  }
  return problems;
}
