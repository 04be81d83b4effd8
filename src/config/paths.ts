// Where the project's own files are, wherever the process was started from: the seed, the SDL, the
// web bundles, the local Neo4j's files.
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
