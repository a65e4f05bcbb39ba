import { useQuery } from "@tanstack/react-query";
import type {
  LogDecisionView,
  UpdateListQuery,
  UpdateSummaryView,
  UpdateView,
} from "../../../contracts/updates";
import { get } from "../../lib/api";

export type {
  CommentView,
  CreateUpdateBody,
  LogDecisionView,
  ResponderView,
  UpdateSummaryView,
  UpdateView,
} from "../../../contracts/updates";

/** Query keys of the updates pages: `update.changed` makes `all` stale (app/live-refresh.ts). */
export const updateKeys = {
  all: ["updates"] as const,
  feed: (query: Record<string, string>) => ["updates", "feed", query] as const,
  one: (id: string) => ["updates", "one", id] as const,
  decisions: (query: Record<string, string>) => ["updates", "decisions", query] as const,
};

type FeedFilters = Partial<Record<keyof UpdateListQuery, string>>;

const search = (query: Record<string, string | undefined>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
};

/** One page of a feed; `cursor` from the previous page's `nextCursor`. */
export function useFeed(filters: FeedFilters) {
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;
  return useQuery({
    queryKey: updateKeys.feed(query),
    queryFn: () =>
      get<{ updates: UpdateSummaryView[]; nextCursor: string | null }>(`/updates${search(query)}`),
  });
}

export function useUpdate(id: string) {
  return useQuery({
    queryKey: updateKeys.one(id),
    queryFn: () => get<{ update: UpdateView }>(`/updates/${id}`),
  });
}

export function useDecisions(filters: { q?: string; teamId?: string; from?: string; to?: string }) {
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;
  return useQuery({
    queryKey: updateKeys.decisions(query),
    queryFn: () => get<{ decisions: LogDecisionView[] }>(`/decisions${search(query)}`),
  });
}
