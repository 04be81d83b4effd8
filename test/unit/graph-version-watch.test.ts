// The graph's version as the process knows it, when reads fail or hang: the last version read is kept
// for stale answers, nobody waits on a second failing read at once, and a local write forgets it.
import { describe, expect, it } from 'vitest';
import { GraphVersionWatch } from '../../src/cache/graph-version-watch.js';

function watchWith(reads: (() => Promise<string | null>)[]) {
  let now = 0;
  const w = new GraphVersionWatch(() => reads.shift()!(), 1_000, () => now);
  return { w, at: (t: number) => (now = t) };
}

describe('GraphVersionWatch when the version cannot be read', () => {
  it('keeps the last version read as lastKnown, and does not read again for a moment', async () => {
    const { w, at } = watchWith([async () => 'v1', async () => Promise.reject(new Error('no answer')), async () => 'v1']);
    expect((await w.current()).version).toBe('v1');
    at(1_500);
    const failed = await w.current();
    expect(failed).toMatchObject({ version: null, lastKnown: 'v1' });
    expect(w.reads).toBe(2);
    // Within 250 ms of the failure: no new read, the same answer at once.
    at(1_600);
    expect(w.fresh()).toMatchObject({ version: null, lastKnown: 'v1' });
    expect(w.peek()).toMatchObject({ version: null, lastKnown: 'v1' });
    // Later: a new read, which succeeds.
    at(1_800);
    expect((await w.current()).version).toBe('v1');
    expect(w.reads).toBe(3);
  });

  it('forgets the last version read when this process writes the graph', async () => {
    const { w, at } = watchWith([async () => 'v1', async () => Promise.reject(new Error('no answer'))]);
    await w.current();
    w.writeStarted();
    w.writeEnded();
    at(2_000);
    const s = await w.current();
    expect(s.version).toBeNull();
    expect(s.lastKnown).toBeUndefined();
  });
});
