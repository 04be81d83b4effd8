// Where the project's own files are, wherever the process was started from: the seed, the SDL, the
// web bundles, the local Neo4j's files. The same module runs from src/config/ (tsx) and from
// dist/server/config/ (the compiled build), so the root is the nearest folder above it that holds
// package.json, not a fixed number of levels up.
import { existsSync } from 'node:fs';
import path from 'node:path';

export function findProjectRoot(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}: cannot find the project's files`);
  }
}

export const PROJECT_ROOT = findProjectRoot(import.meta.dirname);
