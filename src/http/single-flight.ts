// Identical work done once: while a request is being executed, an identical one (the same raw bytes,
// src/http/raw-cache.ts, at the same graph epoch) waits for its answer instead of executing again, and
// gets the same status, headers and body. Right after start, when nothing is cached yet, fifty
// dashboards asking the same thing cost one execution, not fifty.
import type http from 'node:http';

export interface SharedAnswer {
  readonly status: number;
  /** Apollo's headers, as the first request sent them. */
  readonly headers: readonly (readonly [string, string])[];
  readonly text: string;
  /** No errors: a GET answer may carry an ETag. */
  readonly ok: boolean;
}

export class SingleFlight {
  private readonly running = new Map<string, Promise<SharedAnswer | undefined>>();

  /** The answer of the identical request in flight, if there is one. */
  joined(key: string): Promise<SharedAnswer | undefined> | undefined {
    return this.running.get(key);
  }

  /** Marks `key` as being executed; the returned function gives its answer (undefined: none to share). */
  lead(key: string): (answer: SharedAnswer | undefined) => void {
    let give!: (answer: SharedAnswer | undefined) => void;
    this.running.set(key, new Promise((resolve) => (give = resolve)));
    let given = false;
    return (answer) => {
      if (given) return;
      given = true;
      this.running.delete(key);
      give(answer);
    };
  }

  get size(): number {
    return this.running.size;
  }
}

/** Sends an answer made before (shared by an identical request, or a document's refusal). */
export function sendAnswer(res: http.ServerResponse, a: SharedAnswer, how: string): void {
  for (const [k, v] of a.headers) res.setHeader(k, v);
  res.setHeader('x-response-cache', how);
  res.setHeader('x-cypher-round-trips', '0');
  res.statusCode = a.status;
  res.end(a.text);
}
