// The executable schema: the SDL files under schema/ (the contract) plus the resolvers.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const SCHEMA_DIR = path.resolve(import.meta.dirname, '..', 'schema');

/** The SDL of every domain file, in a fixed order. */
export function loadTypeDefs(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(path.join(SCHEMA_DIR, f), 'utf8'));
}
