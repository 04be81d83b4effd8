/** One problem in the seed files, located precisely enough to fix without searching. */
export interface SeedProblem {
  /** Path of the file, relative to the project root, e.g. "seed/eken2024/practices.entities.json". */
  readonly file: string;
  /** JSON path inside the file, e.g. "entities[3].citations[0].source"; "" for the whole file. */
  readonly path: string;
  readonly message: string;
  /** The offending value, when there is one to show. */
  readonly value?: unknown;
}

export function formatProblem(p: SeedProblem): string {
  const where = p.path ? `${p.file}: ${p.path}` : p.file;
  const shown = p.value === undefined ? '' : ` (got ${preview(p.value)})`;
  return `${where}: ${p.message}${shown}`;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** Thrown when seed files are refused; carries every problem found, not just the first. */
export class SeedValidationError extends Error {
  constructor(readonly problems: readonly SeedProblem[]) {
    super(
      `the seed files were refused (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was written:\n` +
        problems.slice(0, 50).map((p) => `  - ${formatProblem(p)}`).join('\n') +
        (problems.length > 50 ? `\n  ... and ${problems.length - 50} more` : ''),
    );
    this.name = 'SeedValidationError';
  }
}

/** "entities", 3, "citations" -> "entities[3].citations" */
export function jsonPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out ? `.${String(s)}` : String(s);
  }
  return out;
}

/** The value at a JSON path of a parsed file (undefined where the path leaves it): what a refusal quotes. */
export function valueAt(json: unknown, segments: readonly PropertyKey[]): unknown {
  let cur: unknown = json;
  for (const s of segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[s];
  }
  return cur;
}
