// Errors for arguments that a caller got wrong. Each names the argument and what is allowed, and
// carries ErrorCode.BAD_USER_INPUT; anything unexpected is masked by the server (src/http/errors.ts).
// Here, below every layer that checks arguments (resolvers, loaders, look-ahead plans), so that each
// checks them the same way.
import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-codes.js';

export function badInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(`Invalid argument ${argument}: ${message}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName: argument },
  });
}

/** Checks an integer argument's range, the way every `first`-like argument is checked. */
export function intInRange(argument: string, value: number | null | undefined, min: number, max: number, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) {
    throw badInput(argument, `expected an integer from ${min} to ${max}, got ${v}`);
  }
  return v;
}

/** A user-given value, quoted for an error message: JSON-escaped (no control characters) and cut short. */
export function quoted(value: string, max = 80): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(cut);
}
