import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AnswerBody,
  BlockerStatus,
  BlockerView,
  CheckinView,
  CreateCheckinBody,
  DigestView,
  OccurrenceView,
  ParticipationView,
  PreviewView,
  PrivacySettings,
  PulseView,
  previewBody,
  TemplateView,
  UpdateCheckinBody,
} from "../../../contracts/checkins";
import type { Role } from "../../../contracts/common";
import { may } from "../../../core/access";
import { api, get } from "../../lib/api";
import { checkinKeys } from "./keys";

export type PreviewBody = z.infer<typeof previewBody>;
export type {
  AskedQuestion,
  BlockerView,
  CheckinView,
  DigestQuestion,
  DigestView,
  OccurrenceView,
  ParticipationView,
  PulseView,
  QuestionType,
  TemplateView,
} from "../../../contracts/checkins";

// The keys live in ./keys, so the entry (Home, live refresh) does not carry these queries.
export { checkinKeys };

const search = (query: Record<string, string | undefined>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
};
const defined = (query: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v)) as Record<string, string>;

/**
 * Whether the viewer may start a ritual: admins for anyone, a team's leads for their team (core/access
 * "checkin.create"); `leadsATeam` as the teams list tells it. The server decides per team.
 */
export const canCreateCheckin = (role: Role, leadsATeam: boolean) =>
  may({ role }, "checkin.create", { leadOf: leadsATeam });

// ── Rituals ──────────────────────────────────────────────────────────────────────────────────────

/** Rituals I take part in or run (admins: all of the organisation's). */
export function useCheckins() {
  return useQuery({
    queryKey: checkinKeys.list,
    queryFn: () => get<{ checkins: CheckinView[] }>("/checkins"),
    select: (data) => data.checkins,
  });
}

export function useCheckin(id: string) {
  return useQuery({
    queryKey: checkinKeys.one(id),
    queryFn: () => get<{ checkin: CheckinView }>(`/checkins/${id}`),
    select: (data) => data.checkin,
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: checkinKeys.templates,
    queryFn: () => get<{ templates: TemplateView[] }>("/checkins/templates"),
    select: (data) => data.templates,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const createCheckin = (body: CreateCheckinBody) =>
  api<{ checkin: CheckinView }>("POST", "/checkins", body);
export const updateCheckin = (id: string, body: UpdateCheckinBody) =>
  api<{ checkin: CheckinView }>("PATCH", `/checkins/${id}`, body);
export const deleteCheckin = (id: string) => api<void>("DELETE", `/checkins/${id}`);

/** When the next occurrence reaches each participant; `enabled` once someone takes part and a day is chosen. */
export function useSchedulePreview(body: PreviewBody, enabled: boolean) {
  return useQuery({
    queryKey: ["checkins", "preview", body] as const,
    queryFn: () => api<PreviewView>("POST", "/checkins/preview", body),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
}

// ── My occurrences and answers ───────────────────────────────────────────────────────────────────

/** My open occurrences (their window not closed yet), oldest first, with what I answered so far. */
export function useDueCheckins() {
  return useQuery({
    queryKey: checkinKeys.due,
    queryFn: () => get<{ occurrences: OccurrenceView[] }>("/checkins/due"),
    select: (data) => data.occurrences,
  });
}

/** One of my occurrences (anyone else's is "not found"). */
export function useOccurrence(id: string) {
  return useQuery({
    queryKey: checkinKeys.occurrence(id),
    queryFn: () => get<{ occurrence: OccurrenceView }>(`/checkin-occurrences/${id}`),
    select: (data) => data.occurrence,
  });
}

export const answerOccurrence = (id: string, body: AnswerBody) =>
  api<{ occurrence: OccurrenceView }>("POST", `/checkin-occurrences/${id}/answers`, body);

// ── A ritual's results (the ritual's page) ───────────────────────────────────────────────────────

/** The digest of one local date (the latest without one). */
export function useDigest(id: string, localDate: string | null) {
  return useQuery({
    queryKey: checkinKeys.digest(id, localDate),
    queryFn: () =>
      get<{ digest: DigestView }>(`/checkins/${id}/digest${search({ localDate: localDate ?? "" })}`),
    select: (data) => data.digest,
  });
}

/** The team's weekly pulse (aggregates only from the minimum group size) and the viewer's own trend. */
export function usePulse(id: string, range: { from?: string; to?: string } = {}) {
  const query = defined(range);
  return useQuery({
    queryKey: checkinKeys.pulse(id, query),
    queryFn: () => get<PulseView>(`/checkins/${id}/pulse${search(query)}`),
  });
}

export function useParticipation(id: string, range: { from?: string; to?: string } = {}) {
  const query = defined(range);
  return useQuery({
    queryKey: checkinKeys.participation(id, query),
    queryFn: () => get<ParticipationView>(`/checkins/${id}/participation${search(query)}`),
  });
}

// ── Blockers and privacy ─────────────────────────────────────────────────────────────────────────

export function useBlockers(filter: {
  assignee?: "me";
  teamId?: string;
  status?: "open" | "resolved" | "all";
}) {
  const query = defined(filter);
  return useQuery({
    queryKey: checkinKeys.blockers(query),
    queryFn: () => get<{ blockers: BlockerView[] }>(`/blockers${search(query)}`),
    select: (data) => data.blockers,
  });
}

export const setBlockerStatus = (id: string, status: BlockerStatus) =>
  api<{ blocker: BlockerView }>("PATCH", `/blockers/${id}`, { status });

/** The organisation's minimum group sizes, shown in every privacy note ("groups of 5 or more"). */
export function usePrivacy() {
  return useQuery({
    queryKey: checkinKeys.privacy,
    queryFn: () => get<PrivacySettings>("/organisation/privacy"),
    staleTime: 5 * 60_000,
  });
}

export const savePrivacy = (body: PrivacySettings) =>
  api<PrivacySettings>("PUT", "/organisation/privacy", body);
