// A real drain for SIGTERM (src/main.ts -> App.stop): readiness turns 503 first, the listener stops
// accepting, every request already accepted (its headers or body still arriving included) gets its
// answer within the grace period, kept-alive connections are closed cleanly between requests (idle
// ones at once, busy ones after their answer, which says `connection: close`), and only then is what
// is left cut. The driver is closed after this (src/server.ts), so no request meets a closed driver.
import type http from 'node:http';
import net, { type Socket } from 'node:net';

/**
 * How long a kept-alive connection with no request under way is left open once the drain begins. A
 * client may be sending its next request on it at this very moment: closing it at once would reset
 * that request (the keep-alive race). Left open a moment, the request is answered (with `connection:
 * close`), and clients that keep sending learn to open new connections, which are refused cleanly.
 */
const IDLE_LINGER_MS = 1_000;

export class Drain {
  /** Set when the drain begins: /readyz answers 503, answers say `connection: close`. */
  draining = false;
  /** Requests received and not yet answered (their sockets' counts summed). */
  private readonly active = new Map<Socket, number>();
  private readonly sockets = new Set<Socket>();
  private wake: (() => void) | undefined;

  constructor(private readonly server: http.Server) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => {
        this.sockets.delete(socket);
        this.active.delete(socket);
        this.wake?.();
      });
    });
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      const socket = req.socket;
      this.active.set(socket, (this.active.get(socket) ?? 0) + 1);
      // An answer sent while draining says `connection: close` (also to a request that came before the
      // drain began), so the client does not send another request on a connection about to close.
      const writeHead = res.writeHead;
      res.writeHead = ((...args: Parameters<typeof writeHead>) => {
        if (this.draining && !res.headersSent) res.setHeader('connection', 'close');
        return writeHead.apply(res, args);
      }) as typeof writeHead;
      res.once('close', () => {
        const left = (this.active.get(socket) ?? 1) - 1;
        if (left > 0) this.active.set(socket, left);
        else this.active.delete(socket);
        // The answer is out: a kept-alive connection is closed now rather than offered another request.
        if (this.draining && left <= 0) socket.end();
        this.wake?.();
      });
    });
  }

  /** Requests being answered now. */
  get inFlight(): number {
    let n = 0;
    for (const v of this.active.values()) n += v;
    return n;
  }

  /**
   * Stops accepting and waits until every connection has closed, or `graceMs` has passed; then cuts
   * what is left. Resolves with what it had to cut (0 in a clean drain).
   */
  async drain(graceMs: number): Promise<{ cut: number; waitedMs: number }> {
    const started = performance.now();
    this.draining = true;
    // Stop listening only: http.Server#close would also close idle kept-alive connections at once
    // (and stop enforcing the header and request timeouts); net.Server#close leaves them to us.
    const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(this.server, () => resolve()));
    const deadline = started + graceMs;
    const lingerUntil = started + Math.min(graceMs, IDLE_LINGER_MS);
    // After the linger, connections with no request under way are closed (a request whose headers are
    // still arriving counts as under way: Node's parser has begun a message). Those that become idle are
    // closed on their answer (above); a connection opened but silent is closed here too.
    for (;;) {
      if (performance.now() >= lingerUntil) this.server.closeIdleConnections();
      if (this.sockets.size === 0) break;
      const left = deadline - performance.now();
      if (left <= 0) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 100));
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
    const cut = this.sockets.size;
    if (cut > 0) this.server.closeAllConnections();
    for (const s of this.sockets) s.destroy();
    await closed;
    return { cut, waitedMs: Math.round(performance.now() - started) };
  }
}
