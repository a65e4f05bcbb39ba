import { move, transferableSymbol, valueSymbol } from "piscina";
import { IcsError, readCalendar } from "../../../core/calendar";
import type { Interval } from "../../../core/time";

export interface ReadIcsInput {
  /** The file as UTF-8: its buffer moves to the thread (no copy), where it is decoded a chunk at a time. */
  bytes: Uint8Array;
  ownerZone: string;
  now: number;
}

export type ReadCalendarResult = ReturnType<typeof readCalendar>;

/**
 * {@link ReadCalendarResult} as it leaves the worker: the busy time as two typed arrays of instants
 * (epoch ms; `ends[i]` closes `starts[i]`), whose memory moves to the main thread without a copy,
 * instead of one object per interval cloned across.
 */
export type ReadCalendarTransfer = Omit<ReadCalendarResult, "busy"> & {
  starts: Float64Array;
  ends: Float64Array;
};

/** An IcsError's own fields (message, line, …): class instances do not survive the thread boundary. */
export type IcsErrorFields = { message: string } & Record<string, unknown>;

export type ReadIcsOutcome = { ok: true; read: ReadCalendarTransfer } | { ok: false; error: IcsErrorFields };

/** Runs in a worker thread (platform/workers): parse and expand one calendar. */
export default function readIcsTask(input: ReadIcsInput): ReadIcsOutcome {
  let read: ReadCalendarResult;
  try {
    read = readCalendar(input.bytes, { ownerZone: input.ownerZone, now: input.now });
  } catch (err) {
    if (!(err instanceof IcsError)) throw err;
    return { ok: false, error: { ...err, message: err.message } };
  }
  const { busy, ...rest } = read;
  const starts = new Float64Array(busy.length);
  const ends = new Float64Array(busy.length);
  for (let i = 0; i < busy.length; i++) {
    starts[i] = (busy[i] as Interval).start;
    ends[i] = (busy[i] as Interval).end;
  }
  const outcome: ReadIcsOutcome = { ok: true, read: { ...rest, starts, ends } };
  // Piscina transfers the buffers of a value marked movable (it then returns the value itself).
  return move({ [transferableSymbol]: [starts.buffer, ends.buffer], [valueSymbol]: outcome }) as never;
}
