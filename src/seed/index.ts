// Reads, validates and merges the seed: the one entry point for the check, the loader and the tests.
import { readSeedFiles } from './files.js';
import { buildDataset, type Dataset } from './dataset.js';
import { SeedValidationError } from './errors.js';

/** Returns the validated dataset, or throws SeedValidationError listing every problem found. */
export async function loadSeedDataset(seedDir: string, root = process.cwd(), maxFileBytes?: number): Promise<Dataset> {
  const read = await readSeedFiles(seedDir, root, maxFileBytes);
  if (!read.files) throw new SeedValidationError(read.problems);
  const built = buildDataset(read.files);
  if (!built.dataset) throw new SeedValidationError(built.problems);
  return built.dataset;
}

export type { Dataset, DatasetEntity, DatasetRelation } from './dataset.js';
export { SeedValidationError, formatProblem } from './errors.js';
