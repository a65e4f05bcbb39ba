import { useQuery } from "@tanstack/react-query";
import type { Advice } from "../../../contracts/agreement";
import type {
  ActionItemView,
  CreateMeetingBody,
  MeetingSummaryView,
  MeetingView,
  TemplateView,
  UpdateMeetingBody,
  Violation,
} from "../../../contracts/meetings";
import { api, get } from "../../lib/api";
import { meetingKeys } from "./keys";

export type {
  ActionItemView,
  AgendaItemView,
  MeetingSummaryView,
  MeetingView,
  RecapView,
  TemplateView,
  Violation,
} from "../../../contracts/meetings";

// The keys live in ./keys, so the entry (live refresh needs only them) does not carry these queries.
export { meetingKeys };

export function useMeetings(from: string, to: string) {
  return useQuery({
    queryKey: meetingKeys.list(from, to),
    queryFn: () =>
      get<{ meetings: MeetingSummaryView[] }>(
        `/meetings?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      ),
    select: (d) => d.meetings,
  });
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: meetingKeys.one(id),
    queryFn: () => get<{ meeting: MeetingView }>(`/meetings/${id}`),
    select: (d) => d.meeting,
  });
}

export function useMeetingTemplates() {
  return useQuery({
    queryKey: meetingKeys.templates,
    queryFn: () => get<{ templates: TemplateView[] }>("/meeting-templates"),
    select: (d) => d.templates,
  });
}

export function useMyActionItems() {
  return useQuery({
    queryKey: meetingKeys.myActionItems,
    queryFn: () => get<{ actionItems: ActionItemView[] }>("/action-items?owner=me&status=open"),
    select: (d) => d.actionItems,
  });
}

/** Creates a meeting (or a series): 201 with the advice and the warnings, or 409 `agreement_conflict`. */
export function createMeeting(body: CreateMeetingBody) {
  return api<{ meeting: MeetingView; advice: Advice; warnings: Violation[] }>("POST", "/meetings", body);
}

/**
 * Changes a meeting (the organiser): the meeting as it now stands, its `warnings` from the agreement,
 * or 409 `agreement_conflict` when a new time, length, kind, team or attendee list breaks a blocking rule.
 */
export function updateMeeting(id: string, body: UpdateMeetingBody) {
  return api<{ meeting: MeetingView }>("PATCH", `/meetings/${id}`, body);
}

/** Marks one of my action items done (or open again). */
export function setActionItemStatus(id: string, status: "open" | "done") {
  return api<unknown>("PATCH", `/action-items/${id}`, { status });
}
