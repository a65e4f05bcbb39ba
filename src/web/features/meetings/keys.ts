/**
 * Query keys of the meetings pages: `meeting.changed` makes `all` stale (app/live-refresh.ts). Their
 * own module, so the entry (which needs only the keys) does not carry the pages' queries.
 */
export const meetingKeys = {
  all: ["meetings"] as const,
  list: (from: string, to: string) => ["meetings", "list", from, to] as const,
  one: (id: string) => ["meetings", "one", id] as const,
  privateNotes: (id: string) => ["meetings", "one", id, "private-notes"] as const,
  templates: ["meetings", "templates"] as const,
  myActionItems: ["meetings", "action-items", "mine"] as const,
};
