import { IcsError, readCalendar } from "../../../core/calendar";

export interface ReadIcsInput {
  text: string;
  ownerZone: string;
  now: number;
}

export type ReadCalendarResult = ReturnType<typeof readCalendar>;

/** An IcsError's own fields (message, line, …): class instances do not survive the thread boundary. */
export type IcsErrorFields = { message: string } & Record<string, unknown>;

export type ReadIcsOutcome = { ok: true; read: ReadCalendarResult } | { ok: false; error: IcsErrorFields };

/** Runs in a worker thread (platform/workers): parse and expand one calendar. */
export default function readIcsTask(input: ReadIcsInput): ReadIcsOutcome {
  try {
    return { ok: true, read: readCalendar(input.text, { ownerZone: input.ownerZone, now: input.now }) };
  } catch (err) {
    if (!(err instanceof IcsError)) throw err;
    return { ok: false, error: { ...err, message: err.message } };
  }
}
