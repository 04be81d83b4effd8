// Errors resolvers raise on purpose. Each names the argument and what is allowed, and carries a
// stable extensions.code; anything unexpected is masked by the server (see src/http/errors.ts).
import { GraphQLError } from 'graphql';

export function badInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(`Invalid argument ${argument}: ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', argumentName: argument },
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
