import { IcsError, readCalendar } from "../../../core/calendar";
import type { Deps } from "../../deps";
import { AppError } from "../../platform/errors";

export type ReadIcs = ReturnType<typeof readCalendar>;

/** Over ICS_MAX_BYTES → 413 `ics_too_large`, whether uploaded or fetched. */
export function assertIcsSize(deps: Pick<Deps, "config">, ics: string): void {
  const bytes = Buffer.byteLength(ics, "utf8");
  if (bytes > deps.config.icsMaxBytes) {
    throw new AppError(
      "ics_too_large",
      `The calendar file is ${bytes} bytes; this instance accepts at most ${deps.config.icsMaxBytes} (ICS_MAX_BYTES)`,
      { bytes, maxBytes: deps.config.icsMaxBytes },
    );
  }
}

/**
 * Reads an ICS text into busy time for an owner living in `ownerZone`, over the horizon around
 * now. A malformed file → 400 naming the line or problem (nothing is stored by the caller).
 */
export function readIcs(
  deps: Pick<Deps, "config">,
  ics: string,
  ownerZone: string,
  now = Date.now(),
): ReadIcs {
  assertIcsSize(deps, ics);
  try {
    return readCalendar(ics, { ownerZone, now });
  } catch (err) {
    if (!(err instanceof IcsError)) throw err;
    throw new AppError("validation_failed", `ics: ${err.message}`, {
      fields: [{ path: "ics", message: err.message }],
      ...(err.line === undefined ? {} : { line: err.line }),
    });
  }
}
