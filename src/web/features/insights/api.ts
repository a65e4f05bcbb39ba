import { useQuery } from "@tanstack/react-query";
import type {
  AgreementEffectView,
  MeetingAuditView,
  MyInsightsView,
  OrganisationInsightsView,
  TeamInsightsView,
} from "../../../contracts/insights";
import { get } from "../../lib/api";
import { insightKeys } from "./keys";

export type {
  AgreementEffectView,
  AlertView,
  GroupStats,
  InsightMetric,
  MeetingAuditSeriesView,
  MeetingAuditView,
  MyInsightsView,
  OrganisationGroupView,
  OrganisationInsightsView,
  PeriodStats,
  PersonWeekView,
  Stat,
  TeamInsightsView,
  TeamWeekView,
} from "../../../contracts/insights";
export { insightKeys };

/** Only the filled-in values, as query-string pairs (and as the cache key). */
const defined = (query: Record<string, string | number | null | undefined>) =>
  Object.fromEntries(
    Object.entries(query)
      .filter(([, v]) => v !== undefined && v !== null && v !== "")
      .map(([k, v]) => [k, String(v)]),
  ) as Record<string, string>;
const search = (query: Record<string, string>) => {
  const text = new URLSearchParams(query).toString();
  return text ? `?${text}` : "";
};

/** A span of weeks: a date in the first and one in the last (the server's default: the last 12 weeks). */
export interface Period {
  from?: string;
  to?: string;
}

/** My own weekly figures and alerts (nobody else can read them). */
export function useMyInsights(period: Period = {}) {
  const query = defined({ from: period.from, to: period.to });
  return useQuery({
    queryKey: insightKeys.mine(query),
    queryFn: () => get<MyInsightsView>(`/insights/me${search(query)}`),
    retry: false,
  });
}

/** A team's medians and 75th percentiles, or `suppressed` below the minimum group size. */
export function useTeamInsights(teamId: string | null, period: Period = {}) {
  const query = defined({ from: period.from, to: period.to });
  return useQuery({
    queryKey: insightKeys.team(teamId ?? "", query),
    queryFn: () => get<TeamInsightsView>(`/insights/teams/${teamId}${search(query)}`),
    enabled: Boolean(teamId),
    retry: false,
  });
}

/** The organisation by team or by time zone; a breakdown that would single people out is refused (400). */
export function useOrganisationInsights(
  filter: Period & { groupBy: "team" | "timeZone"; teamId?: string | null },
) {
  const query = defined({ ...filter });
  return useQuery({
    queryKey: insightKeys.organisation(query),
    queryFn: () => get<OrganisationInsightsView>(`/insights/organisation${search(query)}`),
    retry: false,
  });
}

/** Before and after an agreement version took effect. */
export function useAgreementEffect(filter: {
  teamId?: string | null;
  of: "organisation" | "team";
  version: number | null;
  weeks: number;
}) {
  const query = defined({ ...filter });
  return useQuery({
    queryKey: insightKeys.effect(query),
    queryFn: () => get<AgreementEffectView>(`/insights/agreement-effect${search(query)}`),
    enabled: filter.version !== null && filter.version > 0,
    retry: false,
  });
}

/** Recurring meetings I organise, or a team's I lead: cost, ratings and a suggestion with reasons. */
export function useMeetingAudit(teamId: string | null) {
  return useQuery({
    queryKey: insightKeys.audit(teamId),
    queryFn: () => get<MeetingAuditView>(`/insights/meeting-audit${search(defined({ teamId }))}`),
    retry: false,
  });
}
