/**
 * Query keys of the insights pages and Home's balance card. Their own module, so the entry (Home,
 * live refresh) carries only the keys, never the pages' queries.
 */
export const insightKeys = {
  all: ["insights"] as const,
  mine: (query: Record<string, string> = {}) => ["insights", "me", query] as const,
  team: (id: string, query: Record<string, string> = {}) => ["insights", "teams", id, query] as const,
  organisation: (query: Record<string, string>) => ["insights", "organisation", query] as const,
  effect: (query: Record<string, string>) => ["insights", "agreement-effect", query] as const,
  audit: (teamId: string | null) => ["insights", "meeting-audit", teamId ?? ""] as const,
};
