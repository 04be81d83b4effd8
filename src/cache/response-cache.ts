// Whole answers kept per version of the graph, in this process's memory: dashboards send the same
// few queries again and again, and the graph changes only when the seed loader writes it.
//
// A query's answer is keyed by its text (Apollo's queryHash), operation name and variables, and
// stored with the graph's version (src/cypher/graph-version.ts) read BEFORE it was computed. A
// later request reads the version again (one small round trip) and takes the stored answer only
// when it is the same. Why that is never stale: every load raises the version (a batched load as
// soon as it starts), so an equal version means no load began between the first read and now; the
// stored answer was computed after the first read, hence from exactly that graph. Answers with
// errors are not kept; neither is anything while the version is unknown (no stamp, a load running).
// Answers are kept as the JSON text sent (a hit is not serialized again, and memory is bounded by what
// is kept, not by an estimate of objects), least recently used first out.
// The Apollo plugin that reads and fills it is src/http/plugins/response-cache.ts.

export interface Entry<M = unknown> {
  readonly version: string;
  /** The response body, as sent. */
  readonly text: string;
  /** What else the caller needs to send it again (headers, an ETag), when it gave any. */
  readonly meta?: M;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    /** Total size of the answers' texts kept (JSON characters, about bytes). */
    readonly maxBytes: number,
    /** A single answer larger than this is served but not kept (default: an eighth of the total). */
    readonly maxEntryBytes = Math.floor(maxBytes / 8),
  ) {}

  get size(): { readonly entries: number; readonly bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  /** The answer's text kept for `key` at `version`; an entry of another version is dropped. */
  get(key: string, version: string): string | undefined {
    return this.entry(key, version)?.text;
  }

  /** The entry kept for `key` at `version`, with its meta; an entry of another version is dropped. */
  entry<M>(key: string, version: string): Entry<M> | undefined {
    const entry = this.entries.get(key) as Entry<M> | undefined;
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.version !== version) {
      this.bytes -= entry.text.length;
      return undefined;
    }
    this.entries.set(key, entry); // most recently used last
    return entry;
  }

  /** Keeps the answer's text (the response body); false when it is larger than one entry may be. */
  set(key: string, version: string, text: string, meta?: unknown): boolean {
    if (text.length > this.maxEntryBytes) return false;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.text.length;
    }
    this.entries.set(key, meta === undefined ? { version, text } : { version, text, meta });
    this.bytes += text.length;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.text.length;
    }
    return true;
  }
}
