// npm run catalogue:import [-- FILE...] : turns the tool catalogues (../shared/catalogues/*.json; all
// of them when no FILE is given) into the seed folders seed/<catalogue>/ (src/seed/catalogue/), in load
// order, all or nothing: refuses, writing nothing, when any input is wrong.
// npm run catalogue:import -- --skeleton FILE : prints, as JSON, the rows of FILE that its folder's
// tool-curation.json does not cover yet (name, section, line) and the entries to fill in for them.
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config/paths.js';
import { skeletonOf } from '../src/seed/catalogue/curation.js';
import { catalogueFilesIn, missingCurationOf, reportLines, runCatalogueImports } from '../src/seed/catalogue/run.js';
import { formatProblem } from '../src/seed/errors.js';

const args = process.argv.slice(2).filter((a) => a !== '--');
const skeleton = args.includes('--skeleton');
const positional = args.filter((a) => !a.startsWith('--'));
const seedDir = path.resolve(process.env.SEED_DIR ?? path.join(PROJECT_ROOT, 'seed'));
const DEFAULT_DIR = path.resolve(PROJECT_ROOT, process.env.CATALOGUE_DIR ?? path.join('..', 'shared', 'catalogues'));

function refuse(problems: { file: string; path: string; message: string }[], what: string): never {
  console.error(`${what} (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was written:`);
  for (const p of problems.slice(0, 50)) console.error(`  - ${formatProblem(p)}`);
  if (problems.length > 50) console.error(`  … and ${problems.length - 50} more`);
  process.exit(1);
}

if (skeleton) {
  const [file] = positional;
  if (!file) {
    console.error('usage: npm run catalogue:import -- --skeleton FILE   e.g. ../shared/catalogues/awesome-llmops.json');
    process.exit(2);
  }
  const r = await missingCurationOf(path.resolve(file), seedDir, process.cwd());
  if (r.problems.length > 0) refuse(r.problems, 'the skeleton could not be made');
  console.error(`${r.missing.length} catalogue row${r.missing.length === 1 ? '' : 's'} without a curation entry`);
  console.log(JSON.stringify({ missing: r.missing, tools: skeletonOf(r.missing) }, null, 2));
  process.exit(0);
}

const files = positional.length > 0 ? positional.map((f) => path.resolve(f)) : await catalogueFilesIn(DEFAULT_DIR);
const results = await runCatalogueImports(files, seedDir, process.cwd());
const problems = results.flatMap((r) => r.problems);
if (problems.length > 0) refuse(problems, 'the catalogue import was refused');
for (const r of results) {
  for (const line of reportLines(r)) console.log(line);
  console.log('');
}
