import { ApiError } from "../../../lib/api";
import { whenText } from "../doc-text";

/** Where the editor's autosave stands: nothing to keep yet, on its way, kept (when), or refused (why). */
export type AutosaveStatus =
  | { state: "idle" }
  | { state: "saving" }
  | { state: "saved"; at: string }
  | { state: "failed"; reason: string };

/** "Draft saved 14:02" / "Saving…" / "Not saved: <reason>", in the viewer's zone. */
export function autosaveText(status: AutosaveStatus, zone: string, now: number): string {
  switch (status.state) {
    case "idle":
      return "Your changes are kept as a draft as you type.";
    case "saving":
      return "Saving…";
    case "saved":
      return `Draft saved ${whenText(status.at, zone, now)}`;
    case "failed":
      return `Not saved: ${status.reason}`;
  }
}

/** The reason a failed autosave shows: the server's sentence, else what to check. */
export function failureReason(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "the server could not be reached. Check your connection; it is tried again as you type.";
}
