// Reads the source digests (by default ../shared/sources, beside the repository) the way the ledger
// keys them: item rows by their digest id, edge-table rows as "<table>: <cell1> <cell2> <cell3>".
//
// The folder is a setting: DIGEST_DIR (relative to the repository root, or absolute). A fresh clone
// has no digests beside it: the tests that need them skip with a note then. With REQUIRE_DIGESTS=1
// (.ci/run sets it) or CI=true they are mandatory, and a missing folder fails the run.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/paths.js';

export const DIGEST_DIR = path.resolve(PROJECT_ROOT, process.env.DIGEST_DIR || path.join('..', 'shared', 'sources'));

/** The digests must be there (CI): their absence is a failure, not a skip. */
export const DIGESTS_REQUIRED = process.env.REQUIRE_DIGESTS === '1' || process.env.CI === 'true';

let warned = false;

/** Whether the digest folder exists; when it does not, says so once (the tests that need it skip). */
export function digestsPresent(): boolean {
  const present = existsSync(DIGEST_DIR);
  if (!present && !DIGESTS_REQUIRED && !warned) {
    warned = true;
    console.warn(
      `[digests] ${DIGEST_DIR} does not exist: the tests that read the source digests are SKIPPED. ` +
        'Set DIGEST_DIR to the digest folder (default ../shared/sources beside the repository) to run them; REQUIRE_DIGESTS=1 makes them mandatory.',
    );
  }
  return present;
}

/** The message of the failure when the digests are required and missing. */
export function missingDigestsMessage(): string {
  return `the source digests are required (REQUIRE_DIGESTS=1 or CI=true) but ${DIGEST_DIR} does not exist: set DIGEST_DIR to the digest folder`;
}

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

const ITEM_ID = /^(eken|kreuzberger|bayram|shankar|amershi|sculley)\.[a-z0-9-]+\.[a-z0-9][a-z0-9.-]*$/;

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
