import type { RuleName } from "../../contracts/agreement";
import { NUMBER_RULES } from "./catalog";

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Every rule's label: people read these, never the ids (`mustBeLive`) the API and advisor use. */
const RULE_LABELS: Record<RuleName, string> = {
  mustBeLive: "Always live",
  preferAsync: "Better in writing",
  sensitiveIsLive: "Sensitive conversations are live",
  informIsAsync: "Sharing information goes async",
  replyWithinWorkingHours: "Reply times",
  notificationHours: "Notification hours",
  agendaRequiredHoursBefore: capitalise(NUMBER_RULES.agendaRequiredHoursBefore.label),
  meetingBudget: "Meeting budget",
  noMeetingDays: "No-meeting days",
  focus: "Focus time",
  maxMeetingMinutes: capitalise(NUMBER_RULES.maxMeetingMinutes.label),
  maxAttendees: capitalise(NUMBER_RULES.maxAttendees.label),
  escalateAfterComments: "Stalled threads",
};

const PART_LABELS: Record<string, string> = { "focus.window": "Focus window" };

/**
 * "Longest meeting" for "maxMeetingMinutes": the label of a rule or rule path as named in diffs,
 * errors and advice. A path not known here is said by its rule's label, or in plain words.
 */
export function ruleLabel(path: string): string {
  const numeric = (NUMBER_RULES as Record<string, { label: string }>)[path];
  if (numeric) return capitalise(numeric.label);
  const known = PART_LABELS[path] ?? (RULE_LABELS as Record<string, string>)[path];
  if (known) return known;
  const top = (RULE_LABELS as Record<string, string>)[path.split(".")[0] ?? ""];
  return (
    top ??
    capitalise(
      path
        .replace(/([a-z])([A-Z])/g, "$1 $2")
        .replace(/\./g, ", ")
        .toLowerCase(),
    )
  );
}
