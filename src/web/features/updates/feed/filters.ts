import { UPDATE_KINDS, type UpdateKind } from "../../../../contracts/updates";

/** The feed's filters as the page holds them; kept in the address so Back and shared links keep them. */
export interface FeedFilterState {
  feed: "mine" | "team";
  teamId: string | null;
  kind: UpdateKind | null;
  needsMyReply: boolean;
  overdue: boolean;
}

const isKind = (value: string | null): value is UpdateKind =>
  value !== null && (UPDATE_KINDS as readonly string[]).includes(value);

/** The filters an address names; anything it does not name (or names wrongly) is the default. */
export function filtersFromParams(params: URLSearchParams): FeedFilterState {
  const kind = params.get("kind");
  return {
    feed: params.get("feed") === "team" ? "team" : "mine",
    teamId: params.get("teamId") || null,
    kind: isKind(kind) ? kind : null,
    needsMyReply: params.get("needsMyReply") === "true",
    overdue: params.get("overdue") === "true",
  };
}

/** The address's query for `filters`: only what differs from the default, so `/updates` stays clean. */
export function filtersToParams(filters: FeedFilterState): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.feed === "team") {
    params.set("feed", "team");
    if (filters.teamId) params.set("teamId", filters.teamId);
  }
  if (filters.kind) params.set("kind", filters.kind);
  if (filters.needsMyReply) params.set("needsMyReply", "true");
  if (filters.overdue) params.set("overdue", "true");
  return params;
}

/** The API's query (`GET /updates`) for `filters`; null while the team feed has no team chosen. */
export function feedQuery(filters: FeedFilterState): Record<string, string> | null {
  if (filters.feed === "team" && !filters.teamId) return null;
  return Object.fromEntries(filtersToParams(filters));
}

/** Whether anything narrows the list (an empty list then says so, rather than "nothing yet"). */
export const isFiltered = (filters: FeedFilterState) =>
  filters.kind !== null || filters.needsMyReply || filters.overdue;
