import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  CreateUpdateBody,
  LogDecisionView,
  replyByPreview,
  UpdateListQuery,
  UpdateSummaryView,
  UpdateView,
  Urgency,
} from "../../../contracts/updates";
import { api, get } from "../../lib/api";
import { updateKeys } from "./keys";

export type ReplyByPreview = z.infer<typeof replyByPreview>;

export type {
  CommentView,
  CreateUpdateBody,
  LogDecisionView,
  ResponderView,
  UpdateSummaryView,
  UpdateView,
} from "../../../contracts/updates";

// The keys live in ./keys, so the entry (live refresh needs only them) does not carry these queries.
export { updateKeys };

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

// ── The feed's pages, the composer (issue 12, feed and composer) ─────────────────────────────────

type FeedPage = { updates: UpdateSummaryView[]; nextCursor: string | null };

/** A feed read page by page ("Load more" follows `nextCursor`); refreshed with `updateKeys.all`. */
export function useFeedPages(filters: FeedFilters, enabled = true) {
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;
  return useInfiniteQuery({
    enabled,
    queryKey: [...updateKeys.feed(query), "pages"],
    queryFn: ({ pageParam }) => get<FeedPage>(`/updates${search({ ...query, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function createUpdate(body: CreateUpdateBody) {
  return api<{ update: UpdateView }>("POST", "/updates", body);
}

/** Each required responder's reply-by before posting; `enabled` once someone is named. */
export function useReplyByPreview(body: { urgency: Urgency; requiredResponderIds: string[] }) {
  return useQuery({
    queryKey: ["updates", "reply-by", body.urgency, body.requiredResponderIds] as const,
    queryFn: () => api<ReplyByPreview>("POST", "/updates/reply-by", body),
    enabled: body.requiredResponderIds.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
