import type { CalendarProblem } from "../../../contracts/calendars";
import { ApiError } from "../../lib/api";

const NAME_MAX = 200;

/** A calendar's proposed name from its file: "work_calendar.ics" → "work calendar". */
export function calendarNameFromFile(fileName: string): string {
  const base = fileName
    .replace(/\.(ics|ical|ifb|icalendar)$/i, "")
    .replace(/[_]+/g, " ")
    .trim();
  return (base || "Calendar").slice(0, NAME_MAX);
}

/** "Line 10: Event 'Standup': its repeat rule never matches". */
export function problemText(problem: CalendarProblem): string {
  return problem.line === null ? problem.message : `Line ${problem.line}: ${problem.message}`;
}

/** "1 event", "412 events". */
export function countEvents(n: number): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? "event" : "events"}`;
}

/** "2.5 MB", "800 KB", "312 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A reading or refresh problem in plain words, to go inside a sentence: the "ics: " field prefix and
 * a final full stop dropped, "line 5: …" → "Line 5: …".
 */
export function plainProblem(message: string): string {
  return capitalize(
    message
      .replace(/^ics:\s*/, "")
      .trim()
      .replace(/\.$/, ""),
  );
}

/** Why a file was refused, naming the line when the server does. */
export function fileProblem(error: unknown): string {
  if (!(error instanceof ApiError)) return "Could not reach Tandem; check your connection and try again.";
  if (error.status === 413) {
    const details = error.body?.details as { bytes?: number; maxBytes?: number } | undefined;
    return details?.bytes && details.maxBytes
      ? `The file is ${formatBytes(details.bytes)}; this Tandem accepts calendar files up to ${formatBytes(details.maxBytes)}.`
      : "The file is larger than this Tandem accepts.";
  }
  const ics = error.fields.ics;
  return plainProblem(ics ?? error.message);
}
