// Error codes live in one enum (src/domain/error-codes.ts): no module spells one as a string literal.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/paths.js';
import { ErrorCode, PUBLIC_CODES } from '../../src/domain/error-codes.js';

const SRC = path.join(PROJECT_ROOT, 'src');
const sources = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.startsWith('generated'));

describe('error codes', () => {
  it('are never written as string literals outside the enum', () => {
    const codes = Object.values(ErrorCode).join('|');
    const literal = new RegExp(`['"\`](${codes})['"\`]`);
    const offenders = sources
      .filter((f) => f !== path.join('domain', 'error-codes.ts'))
      .flatMap((f) => readFileSync(path.join(SRC, f), 'utf8').split('\n').map((line, i) => [f, i + 1, line] as const))
      .filter(([, , line]) => literal.test(line) && !line.trim().startsWith('//') && !line.trim().startsWith('*'))
      .map(([f, n, line]) => `${f}:${n}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });

  it('send every code but INTERNAL_SERVER_ERROR to clients as they are', () => {
    expect([...PUBLIC_CODES].sort()).toEqual(Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR).sort());
  });
});
