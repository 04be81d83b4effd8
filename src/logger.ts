// Structured logs (pino) to stderr; stdout stays for the lines a person reads (the URL).
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'mlops-kg' } }, pino.destination(2));
}
