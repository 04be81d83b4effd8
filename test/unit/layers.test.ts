// ARCHITECTURE.md's table "Who may import whom" held against the code: every relative import in src/
// that crosses into another top-level folder must be one the table allows, and every folder of src/
// (but the generated types) has a row. A new arrow is a decision: write it in the table first.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/paths.js';

const SRC = path.join(PROJECT_ROOT, 'src');

/** The table's rows: layer -> the layers it may import ("nothing of ours": none). */
function importTable(): Map<string, string[]> {
  const table = new Map<string, string[]>();
  for (const line of readFileSync(path.join(PROJECT_ROOT, 'ARCHITECTURE.md'), 'utf8').split('\n')) {
    const row = /^\| `([a-z0-9-]+)\/` \| (.*) \|$/.exec(line);
    if (row) table.set(row[1]!, [...row[2]!.matchAll(/`([a-z0-9-]+)\/`/g)].map((m) => m[1]!));
  }
  return table;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

const topOf = (file: string) => path.relative(SRC, file).split(path.sep)[0]!;

describe('the import table of ARCHITECTURE.md', () => {
  const table = importTable();

  it('has a row for every folder of src/ but the generated types', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'generated')
      .map((e) => e.name);
    expect(folders.length).toBeGreaterThan(10);
    expect(folders.filter((f) => !table.has(f))).toEqual([]);
  });

  it('allows every import that crosses from one folder of src/ into another', () => {
    const crossings: string[] = [];
    const refused: string[] = [];
    for (const file of tsFiles(SRC)) {
      const layer = topOf(file);
      // Files at the top of src/ (main.ts, server.ts, cli.ts, logger.ts) compose the layers: they may import anything.
      if (layer.endsWith('.ts') || layer === 'generated') continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
        const target = topOf(path.resolve(path.dirname(file), m[1]!));
        if (target === layer) continue;
        crossings.push(`${layer} -> ${target}`);
        if (!(table.get(layer) ?? []).includes(target.replace(/\.ts$|\.js$/, ''))) {
          refused.push(`${path.relative(PROJECT_ROOT, file)} imports ${m[1]} (${layer}/ -> ${target})`);
        }
      }
    }
    expect(crossings.length).toBeGreaterThan(50);
    expect(refused).toEqual([]);
  });
});
