// Builds small seed folders on disk for tests: a valid minimal one, and broken variants of it.
import { mkdtemp, mkdir, writeFile, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SEED_DIR } from './neo4j.js';

export const CITE = { source: 'source:eken2024', locator: '§4.3 p.21', digestId: 'test.row', confidence: 'STATED' } as const;

export interface FixtureFiles {
  entities: unknown;
  relations: unknown;
  ledger?: unknown;
}

export function minimalFiles(): FixtureFiles {
  return {
    entities: {
      source: 'source:eken2024',
      entities: [
        { id: 'practice:test-monitoring', kind: 'PRACTICE', name: 'Test monitoring', summary: 'Watch things.', citations: [CITE] },
        { id: 'challenge:test-observability', kind: 'CHALLENGE', name: 'Test observability', citations: [CITE] },
        { id: 'tool:test-tool', kind: 'TOOL', name: 'Test tool', toolType: 'PRODUCT', citations: [{ ...CITE, confidence: 'INFERRED' }] },
      ],
    },
    relations: {
      source: 'source:eken2024',
      relations: [
        { type: 'ADDRESSES', from: 'practice:test-monitoring', to: 'challenge:test-observability', citations: [CITE] },
        { type: 'SUPPORTS', from: 'tool:test-tool', to: 'practice:test-monitoring', level: 'EXAMPLE', citations: [CITE] },
      ],
    },
    ledger: { source: 'source:eken2024', items: { 'test.row': { carriedBy: ['practice:test-monitoring'] } } },
  };
}

/** Writes seed/sources.json (the real one) plus the given files as eken2024/test.*.json. */
export async function writeSeedDir(files: FixtureFiles, raw: Partial<Record<'entities' | 'relations' | 'ledger', string | Buffer>> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mlopskg-seed-'));
  await mkdir(path.join(dir, 'eken2024'));
  await cp(path.join(SEED_DIR, 'sources.json'), path.join(dir, 'sources.json'));
  for (const part of ['entities', 'relations', 'ledger'] as const) {
    const content = raw[part] ?? (files[part] === undefined ? undefined : JSON.stringify(files[part], null, 2));
    if (content !== undefined) await writeFile(path.join(dir, 'eken2024', `test.${part}.json`), content);
  }
  return dir;
}
