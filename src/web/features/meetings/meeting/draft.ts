import { useState } from "react";

/** Text being edited beside the server's copy: `base` is the server text (and version) it started from. */
export interface Draft<V> {
  text: string;
  base: string;
  version: V;
}

/**
 * The draft after the server's copy changed (another attendee saved, or a live refetch): an untouched
 * draft follows the server; one with typing in progress keeps what was typed and its old base, so
 * nothing typed is lost and a save against the old version is refused (409) rather than overwriting.
 */
export function syncDraft<V>(draft: Draft<V>, server: { text: string; version: V }): Draft<V> {
  if (draft.text !== draft.base) return draft;
  if (draft.base === server.text && draft.version === server.version) return draft;
  return { text: server.text, base: server.text, version: server.version };
}

/** Whether the person has typed something the server has not got. */
export const isDirty = (draft: Draft<unknown>) => draft.text !== draft.base;

/**
 * A text field kept in step with the server's copy (see `syncDraft`): refetches never overwrite typing.
 * `rebase` adopts a server copy as the base (after a save, or to merge) while keeping or replacing the text.
 */
export function useDraft<V>(server: { text: string; version: V }) {
  const [draft, setDraft] = useState<Draft<V>>({
    text: server.text,
    base: server.text,
    version: server.version,
  });
  const synced = syncDraft(draft, server);
  if (synced !== draft) setDraft(synced);
  return {
    text: synced.text,
    version: synced.version,
    dirty: isDirty(synced),
    /** The server has moved on since this draft started. */
    behind: synced.version !== server.version,
    setText: (text: string) => setDraft((d) => ({ ...d, text })),
    rebase: (base: { text: string; version: V }, text?: string) =>
      setDraft((d) => ({ text: text ?? d.text, base: base.text, version: base.version })),
  };
}
