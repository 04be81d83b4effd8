// One project a catalogue lists at several links (its repository and its site) is one entity: the
// curator's `sameAs` joins the rows of one link to the group of another.
import { describe, expect, it } from 'vitest';
import { groupRows, joinSameProject } from '../../src/seed/catalogue/ids.js';

const row = (name: string, url: string, line: number, githubRepo?: string) => ({ name, url, section: 'Observability', line, ...(githubRepo ? { githubRepo } : {}) });

describe('joinSameProject', () => {
  const rows = [
    row('Langfuse', 'https://github.com/langfuse/langfuse', 10, 'langfuse/langfuse'),
    row('Langfuse 🪢', 'https://langfuse.com', 40),
    row('Other', 'https://github.com/a/other', 20, 'a/other'),
  ];

  it('moves the rows of a link into the group of the link its sameAs names, in line order', () => {
    const groups = joinSameProject(groupRows(rows), new Map([['https://langfuse.com', 'langfuse/langfuse']]));
    expect(groups.map((g) => g.link).sort()).toEqual(['a/other', 'langfuse/langfuse']);
    const langfuse = groups.find((g) => g.link === 'langfuse/langfuse')!;
    expect(langfuse.name).toBe('Langfuse');
    expect(langfuse.rows.map((r) => r.line)).toEqual([10, 40]);
  });

  it('leaves every group alone without a sameAs, and a sameAs naming no listed link', () => {
    const plain = groupRows(rows);
    expect(joinSameProject(plain, new Map())).toEqual(plain);
    expect(joinSameProject(plain, new Map([['https://langfuse.com', 'nobody/nothing']]))).toEqual(plain);
  });
});
