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
