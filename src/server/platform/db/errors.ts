import { AppError } from "../errors";

/** True when a database error (possibly wrapped by drizzle) is a unique-constraint violation. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === "23505") return true;
  }
  return false;
}

/**
 * Runs a write that appends "the next version": when another request appended the same number
 * first, the unique index refuses it — answer 409 instead of 500.
 */
export async function versionRace<T>(work: () => Promise<T>, what: string): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError(
        "conflict",
        `Someone published a new version of ${what} at the same moment; reload and try again`,
      );
    }
    throw err;
  }
}

/** Socket-level failures: the server is down, unreachable or dropped us. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPIPE",
]);
/**
 * PostgreSQL SQLSTATEs meaning "no usable connection": class 08 (connection exception), 57P01–57P03
 * (shutdown, crash, starting up) and 53300 (too many connections).
 */
const SQLSTATE_UNAVAILABLE = /^(08...|57P0[123]|53300)$/;
/** Drivers that say so only in words: node-postgres's pool and client, and a closed PGlite. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Cannot use a pool after calling end on the pool/,
  /Client has encountered a connection error and is not queryable/,
  /^PGlite is closed/,
];

/** True when an error (possibly wrapped by drizzle) means the database cannot be reached right now. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (NETWORK_CODES.has(code) || SQLSTATE_UNAVAILABLE.test(code))) return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGES.some((m) => m.test(message))) return true;
    const { errors } = e as { errors?: unknown };
    if (Array.isArray(errors) && errors.some(isDatabaseUnavailable)) return true;
  }
  return false;
}
