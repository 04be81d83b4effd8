// Reading a request: its body (bounded in size), its JSON, and the two ways a request ends early that
// are the client's doing, not the server's: a refusal (HttpRefusal, a 4xx with a GraphQL error) and a
// client that left before its body ended (ClientGone: one quiet log line, no answer, no stack).
import type http from 'node:http';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../domain/error-codes.js';
import { refusal } from './limits.js';

/** A request refused before Apollo: `status` and the GraphQL error the client gets. */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly error: GraphQLError,
  ) {
    super(error.message);
  }
}

/** The client closed the connection before its request body ended: nobody is left to answer. */
export class ClientGone extends Error {
  constructor() {
    super('the client closed the connection before the request body ended');
    this.name = 'ClientGone';
  }
}

/**
 * The request body as text, refused past `limit` bytes. Read with 'data' and 'end' listeners rather
 * than `for await`: the stream's async iterator costs more per request than a cached answer's whole
 * lookup (docs/performance.md).
 */
export function readBodyText(req: http.IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  const tooLarge = (actual: number | string) => new HttpRefusal(413, refusal('bodyBytes', limit, actual, 'the request body size in bytes'));
  if (declared > limit) {
    req.resume();
    return Promise.reject(tooLarge(declared));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (settle: () => void) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      settle();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // Drain the rest unread, and answer now.
      done(() => reject(tooLarge(`more than ${limit}`)));
      req.resume();
    };
    const onEnd = () => done(() => resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    // An aborted request ('aborted' then an ECONNRESET error) or a closed one (no 'end'): the client left.
    const onError = () => done(() => reject(new ClientGone()));
    const onClose = () => done(() => reject(new ClientGone()));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

export function parseBody(text: string, contentType: string | undefined): unknown {
  if (contentType && /^application\/(graphql-response\+)?json\b/i.test(contentType.trim())) {
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw new HttpRefusal(400, new GraphQLError('The request body is not valid JSON.', { extensions: { code: ErrorCode.BAD_REQUEST } }));
    }
  }
  return text;
}
