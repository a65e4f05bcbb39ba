import { uuid } from "../../../contracts/common";
import { invalid } from "../../platform/errors";

/**
 * Where a feed page ends: the last row's `created_at` (as PostgreSQL's text, microseconds kept, so
 * rows created within one millisecond are neither repeated nor skipped) and its id.
 */
export interface FeedCursor {
  createdAt: string;
  id: string;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** Opaque to clients: base64url of the JSON. */
export const encodeCursor = (cursor: FeedCursor): string =>
  Buffer.from(JSON.stringify({ t: cursor.createdAt, id: cursor.id })).toString("base64url");

/** The cursor a feed gave, else 400 naming `cursor` (never a parser's words). */
export function decodeCursor(text: string): FeedCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const { t, id } = (parsed ?? {}) as { t?: unknown; id?: unknown };
  if (typeof t !== "string" || !INSTANT.test(t) || Number.isNaN(Date.parse(t)) || !uuid.safeParse(id).success)
    throw invalid("cursor", "is not one this feed gave");
  return { createdAt: t, id: id as string };
}
