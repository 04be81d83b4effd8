// The benchmark's bare door: a node:http server that answers each request with bytes it was given,
// looked up by the request's body, with the same content-type. Nothing else: no GraphQL, no Neo4j,
// no logging, no metrics. It is what serving a kept answer costs at the least in Node, so the API's
// cached requests per second are reported as a ratio to it (measured in the same run).
import http from 'node:http';

export interface BareAnswer {
  readonly body: string;
  readonly text: string;
  readonly contentType: string;
}

export interface BareDoor {
  readonly url: string;
  /** Replaces the answers (one operation's inputs at a time). */
  setAnswers(answers: readonly BareAnswer[]): void;
  close(): Promise<void>;
}

export async function startBare(): Promise<BareDoor> {
  let answers = new Map<string, BareAnswer>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const a = answers.get(Buffer.concat(chunks).toString('utf8'));
      if (!a) {
        res.statusCode = 404;
        res.end();
        return;
      }
      res.setHeader('content-type', a.contentType);
      res.end(a.text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}/graphql`,
    setAnswers: (list) => (answers = new Map(list.map((a) => [a.body, a]))),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
