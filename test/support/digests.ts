// Reads the source digests (../shared/sources, beside the repository) the way the ledger keys
// them: item rows by their digest id, edge-table rows as "<table>: <cell1> <cell2> <cell3>".
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/paths.js';

export const DIGEST_DIR = path.resolve(PROJECT_ROOT, '..', 'shared', 'sources');

export interface DigestRow {
  readonly file: string;
  readonly key: string;
  /** seen / inferred as the row says, else as its table's heading says ("all `seen`"); unknown counts as seen. */
  readonly seen: boolean;
  readonly line: number;
}

function confidenceOf(cells: readonly string[], tableDefault: boolean | null): boolean {
  if (cells.some((c) => /^seen\b/i.test(c))) return true;
  if (cells.some((c) => /^inferred\b/i.test(c))) return false;
  return tableDefault ?? true;
}

const ITEM_ID = /^(eken|kreuzberger|bayram)\.[a-z0-9-]+\.[a-z0-9][a-z0-9.-]*$/;

export function digestRows(): DigestRow[] {
  const rows: DigestRow[] = [];
  for (const file of readdirSync(DIGEST_DIR).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
    const lines = readFileSync(path.join(DIGEST_DIR, file), 'utf8').split('\n');
    let edgeTable: string | null = null;
    let tableDefault: boolean | null = null;
    for (const [i, line] of lines.entries()) {
      const heading = /^#{2,3} (.*)$/.exec(line);
      if (heading) {
        // Eken's §11 maps an older digest's ids: not items.
        if (/^11\. Mapping from the earlier digest/.test(heading[1]!)) break;
        const label = /^(E\d+[a-z]?)\. /.exec(heading[1]!);
        edgeTable = label ? label[1]! : null;
        tableDefault = /all `?seen`?/.test(heading[1]!) ? true : /`?inferred`?\)/.test(heading[1]!) ? false : null;
        continue;
      }
      if (!line.startsWith('|') || /^\|\s*-/.test(line)) continue;
      const cells = line.split('|').slice(1, -1).map((c) => c.trim().replace(/`/g, ''));
      const seen = confidenceOf(cells, tableDefault);
      if (edgeTable && cells.length >= 4 && ITEM_ID.test(cells[0]!)) {
        rows.push({ file, key: `${edgeTable}: ${cells[0]} ${cells[1]} ${cells[2]}`, seen, line: i + 1 });
      } else if (!edgeTable && ITEM_ID.test(cells[0] ?? '')) {
        rows.push({ file, key: cells[0]!, seen, line: i + 1 });
      }
    }
  }
  return rows;
}
