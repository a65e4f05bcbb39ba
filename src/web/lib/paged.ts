import { useInfiniteQuery } from "@tanstack/react-query";
import { get } from "./api";

/**
 * A list read page by page: `cursorParam` carries the previous page's `nextCursor` (`path` may hold
 * a query of its own).
 */
export function usePaged<T>(path: string, field: string, cursorParam: string) {
  const query = useInfiniteQuery({
    queryKey: ["paged", path],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      get<Record<string, unknown> & { nextCursor: string | null }>(
        pageParam
          ? `${path}${path.includes("?") ? "&" : "?"}${new URLSearchParams({ [cursorParam]: pageParam })}`
          : path,
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = (query.data?.pages ?? []).flatMap((p) => p[field] as T[]);
  return { ...query, items };
}
