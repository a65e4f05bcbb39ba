/** How the rollup's queries (rollup.*.repo.ts) read instants back: as epoch milliseconds. */

/** An instant as read back by drizzle (a Date, or a string from a raw select) in epoch milliseconds. */
export const ms = (d: Date | string) => (d instanceof Date ? d.getTime() : Date.parse(d));
