// Where the tool catalogues are (../shared/catalogues beside the repository, or CATALOGUE_DIR). Tests
// that read them skip with a note when the folder is absent, except under CI=true, where they fail.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/paths.js';

export const CATALOGUE_DIR = path.resolve(PROJECT_ROOT, process.env.CATALOGUE_DIR ?? path.join('..', 'shared', 'catalogues'));
export const APML_FILE = path.join(CATALOGUE_DIR, 'awesome-production-machine-learning.json');
const IN_CI = process.env.CI === 'true';

/** Whether the catalogue file is there; notes the skip once per test file, and fails under CI. */
export function hasCatalogue(testFile: string): boolean {
  if (existsSync(APML_FILE)) return true;
  if (IN_CI) throw new Error(`[${testFile}] the catalogue ${APML_FILE} is missing; CI needs it (set CATALOGUE_DIR)`);
  console.warn(`[${testFile}] skipping the catalogue tests: ${APML_FILE} is absent (set CATALOGUE_DIR to the folder of the catalogues)`);
  return false;
}
