/**
 * Query keys of the check-in pages, for everyone in the feature (the builder, the answer form, the
 * ritual's page, blockers, Home's cards). Their own module, so the entry needs only the keys.
 */
export const checkinKeys = {
  all: ["checkins"] as const,
  list: ["checkins", "list"] as const,
  /** One ritual; its digest, pulse and participation sit under it, so a change to it refreshes them. */
  one: (id: string) => ["checkins", "one", id] as const,
  due: ["checkins", "due"] as const,
  occurrence: (id: string) => ["checkins", "occurrence", id] as const,
  templates: ["checkins", "templates"] as const,
  digest: (id: string, localDate: string | null) =>
    ["checkins", "one", id, "digest", localDate ?? ""] as const,
  pulse: (id: string, query: Record<string, string> = {}) => ["checkins", "one", id, "pulse", query] as const,
  participation: (id: string, query: Record<string, string> = {}) =>
    ["checkins", "one", id, "participation", query] as const,
  /** Every list of blockers (each filter is its own query under it). */
  allBlockers: ["checkins", "blockers"] as const,
  blockers: (filter: Record<string, string>) => ["checkins", "blockers", filter] as const,
  privacy: ["checkins", "privacy"] as const,
};
