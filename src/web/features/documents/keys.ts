/**
 * Query keys of the documents pages: `document.changed` makes `all` stale (app/live-refresh.ts).
 * Their own module, so the entry (which needs only the keys) does not carry the pages' queries.
 */
export const documentKeys = {
  all: ["documents"] as const,
  list: (query: Record<string, string>) => ["documents", "list", query] as const,
  tags: ["documents", "tags"] as const,
  one: (id: string) => ["documents", "one", id] as const,
  versions: (id: string) => ["documents", "versions", id] as const,
  version: (id: string, version: number) => ["documents", "versions", id, version] as const,
  diff: (id: string, from: number, to: number) => ["documents", "diff", id, from, to] as const,
};
