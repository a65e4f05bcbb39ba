import { IcsError } from "../../../core/calendar";
import type { Deps } from "../../deps";
import { AppError } from "../../platform/errors";
import { WorkerTaskError } from "../../platform/workers/pool";
import type { ReadCalendarResult, ReadIcsInput, ReadIcsOutcome } from "./read-ics.task";

export type ReadIcs = ReadCalendarResult;

const READ_TASK = new URL("./read-ics.task.ts", import.meta.url);

/** Over ICS_MAX_BYTES → 413 `ics_too_large`, whether uploaded or fetched (or announced by a length). */
export function assertIcsSize(deps: Pick<Deps, "config">, ics: string | Uint8Array | number): void {
  const bytes =
    typeof ics === "number" ? ics : typeof ics === "string" ? Buffer.byteLength(ics, "utf8") : ics.byteLength;
  if (bytes > deps.config.icsMaxBytes) {
    throw new AppError(
      "ics_too_large",
      `The calendar file is ${bytes} bytes; this instance accepts at most ${deps.config.icsMaxBytes} (ICS_MAX_BYTES)`,
      { bytes, maxBytes: deps.config.icsMaxBytes },
    );
  }
}

/**
 * Reads an ICS file into busy time for an owner living in `ownerZone`, over the horizon around now,
 * in a worker thread within ICS_TIME_BUDGET_MS (the event loop keeps answering meanwhile). The file
 * reaches the thread as UTF-8 bytes whose buffer is moved, not copied: bytes given here are unusable
 * afterwards (the thread reads them a chunk at a time, never holding the whole text).
 * A malformed file, or one that runs out of time or memory → 400 (nothing is stored by the caller).
 */
export async function readIcs(
  deps: Pick<Deps, "config" | "workers">,
  ics: string | Uint8Array,
  ownerZone: string,
  now = Date.now(),
): Promise<ReadIcs> {
  assertIcsSize(deps, ics);
  const bytes = ownBytes(ics);
  const input: ReadIcsInput = { bytes, ownerZone, now };
  let outcome: ReadIcsOutcome;
  try {
    outcome = await deps.workers.run<ReadIcsOutcome>(READ_TASK, input, deps.config.icsTimeBudgetMs, [
      bytes.buffer as ArrayBuffer,
    ]);
  } catch (err) {
    throw err instanceof WorkerTaskError ? workerProblem(err, deps.config.icsTimeBudgetMs) : err;
  }
  if (!outcome.ok) throw icsProblem(Object.assign(new IcsError(""), outcome.error));
  const { starts, ends, ...read } = outcome.read;
  const busy = Array.from(starts, (start, i) => ({ start, end: ends[i] as number }));
  return { ...read, busy };
}

/**
 * The file as UTF-8 bytes in a buffer of their own, to be moved to the worker thread rather than
 * copied: a text is encoded once; bytes sharing their buffer (a slice of a larger one, or of
 * Node's pool) are copied, since moving a buffer makes it unusable here.
 */
function ownBytes(ics: string | Uint8Array): Uint8Array {
  if (typeof ics === "string") return new TextEncoder().encode(ics);
  const whole = ics.byteOffset === 0 && ics.byteLength === ics.buffer.byteLength;
  return whole && ics.buffer instanceof ArrayBuffer ? ics : ics.slice();
}

/**
 * A file that cannot be read → 400 `invalid_ics` with core/calendar's sentence ("Line 14: DTSTART
 * "2019011" is not a date"), which quotes no free text, and the line in `details.line` when known.
 */
function icsProblem(err: IcsError): AppError {
  return new AppError("invalid_ics", err.message, {
    fields: [{ path: "ics", message: err.message }],
    ...(err.line === undefined ? {} : { line: err.line }),
  });
}

/** The worker gave up on the file: out of time or memory (the file's fault), or every thread busy. */
function workerProblem(err: WorkerTaskError, budgetMs: number): AppError {
  if (err.reason === "busy") {
    return new AppError("unavailable", "Tandem is reading many calendars right now; try again in a minute.");
  }
  const message =
    err.reason === "timeout"
      ? `Reading this calendar took longer than ${budgetMs / 1000} s, so Tandem stopped. A repeat rule that never matches or a very large file can cause this: check the file, or export a shorter date range, and try again.`
      : "Reading this calendar needed more memory than this Tandem allows. Export a shorter date range or split the file, and try again.";
  return new AppError("invalid_ics", message, { fields: [{ path: "ics", message }] });
}
