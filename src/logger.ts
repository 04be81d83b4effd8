// Structured logs (pino) to stderr; stdout stays for the lines a person reads (the URL).
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  // Asynchronous: a request does not wait for its log line's write(2) to return (sync writes cost
  // ~10 % of the CPU per request under load). pino flushes what is pending when the process exits.
  return pino({ level, base: { service: 'mlops-kg' } }, pino.destination({ dest: 2, sync: false }));
}
