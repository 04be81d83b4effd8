// npm run catalogue:import -- FILE: turns a tool catalogue (../shared/catalogues/*.json) into the seed
// folder seed/<catalogue>/ (src/seed/catalogue/). Refuses, writing nothing, when any input is wrong.
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config/paths.js';
import { runCatalogueImport, reportLines } from '../src/seed/catalogue/run.js';
import { formatProblem } from '../src/seed/errors.js';

const [file, seedDirArg] = process.argv.slice(2).filter((a) => a !== '--');
if (!file) {
  console.error('usage: npm run catalogue:import -- FILE [SEED_DIR]   e.g. ../shared/catalogues/awesome-production-machine-learning.json');
  process.exit(2);
}
const result = await runCatalogueImport(path.resolve(file), path.resolve(seedDirArg ?? path.join(PROJECT_ROOT, 'seed')), process.cwd());
if (result.problems.length > 0) {
  console.error(`the catalogue import was refused (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}); nothing was written:`);
  for (const p of result.problems.slice(0, 50)) console.error(`  - ${formatProblem(p)}`);
  process.exit(1);
}
for (const line of reportLines(result)) console.log(line);
