// Keyset cursors (src/graphql/cursor.ts).
import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor } from '../../src/graphql/cursor.js';

describe('cursors', () => {
  it('round-trip any sort key and id, Unicode and quotes included', () => {
    for (const [k, id] of [['a', 'practice:a'], ['ünïcode "q" ,', 'tool:x'], ['', 'goal:g']] as const) {
      expect(decodeCursor('after', encodeCursor(k, id))).toEqual({ sortKey: k, id });
    }
  });

  it('are opaque base64url text', () => {
    expect(encodeCursor('a b', 'tool:x')).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('read null and undefined as "from the start"', () => {
    expect(decodeCursor('after', null)).toBeNull();
    expect(decodeCursor('after', undefined)).toBeNull();
  });

  it('refuse anything this API did not make, naming the argument', () => {
    for (const bad of ['', 'not-base64!', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["a"]').toString('base64url'), Buffer.from('{}').toString('base64url')]) {
      let error: unknown;
      try {
        decodeCursor('after', bad);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    }
  });
});
