/**
 * Query keys of the updates pages: `update.changed` makes `all` stale (app/live-refresh.ts). Their
 * own module, so the entry (which needs only the keys) does not carry the pages' queries.
 */
export const updateKeys = {
  all: ["updates"] as const,
  feed: (query: Record<string, string>) => ["updates", "feed", query] as const,
  one: (id: string) => ["updates", "one", id] as const,
  decisions: (query: Record<string, string>) => ["updates", "decisions", query] as const,
};
