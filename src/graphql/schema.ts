// The SDL files under schema/: the contract the resolvers and the generated types follow.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config/paths.js';

export const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');

/** The SDL of every domain file, in a fixed order. */
export function loadTypeDefs(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(path.join(SCHEMA_DIR, f), 'utf8'));
}
