// The response body of an export: small writes gathered into chunks, with backpressure (the stream
// waits while the client has not read what was sent), and JSON arrays written element by element.
import type http from 'node:http';
import { once } from 'node:events';

/** Bytes gathered before one write to the socket. */
const CHUNK_BYTES = 64 * 1024;

/** Thrown when the client went away mid-export: the export stops quietly. */
export class ClientGone extends Error {}

/** Buffers small writes into chunks and waits for the socket to drain (backpressure). */
export class Output {
  private parts: string[] = [];
  private size = 0;
  private started = false;
  /** JSON arrays: whether an element was written (for the separators). */
  private items = 0;

  constructor(
    private readonly res: http.ServerResponse,
    private readonly head: () => void,
  ) {}

  /** Sends the status and headers (once), before the first byte of the body. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.head();
  }

  async write(text: string): Promise<void> {
    this.start();
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK_BYTES) await this.flush();
  }

  /** Writes one element of a JSON array ("[" before the first, "," between). */
  async jsonItem(value: unknown): Promise<void> {
    await this.write((this.items++ === 0 ? '[\n' : ',\n') + JSON.stringify(value));
  }

  async endJsonArray(): Promise<void> {
    await this.write(this.items === 0 ? '[]\n' : '\n]\n');
  }

  async flush(): Promise<void> {
    if (this.res.destroyed) throw new ClientGone();
    if (this.size === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.res.write(chunk)) {
      await Promise.race([once(this.res, 'drain'), once(this.res, 'close')]);
      if (this.res.destroyed) throw new ClientGone();
    }
  }

  async end(): Promise<void> {
    this.start();
    await this.flush();
    this.res.end();
  }
}
