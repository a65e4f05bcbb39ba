import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useRef, useState } from "react";

/** What a draft is kept in: localStorage, or a map in tests. */
export type DraftStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** A form's draft kept in the browser per person, so nothing typed is lost between visits. */
export interface KeptDraft<T> {
  /** One draft per person, so someone else signing in on the same browser never sees it. */
  key(personId: string): string;
  empty(): T;
  /** Whether the draft holds nothing typed (then there is nothing to keep or restore). */
  isBlank(draft: T): boolean;
  /** The kept draft, field by field over an empty one (so an older or damaged copy still opens), or null. */
  load(store: DraftStore, personId: string): T | null;
  /** Keeps the draft (a blank one is forgotten); a full or refused storage loses only the autosave. */
  save(store: DraftStore, personId: string, draft: T): void;
  clear(store: DraftStore, personId: string): void;
}

/**
 * The draft kept under `tandem.<name>.<personId>`. `read` rebuilds it from what was kept, one field
 * at a time over `fresh`, with the readers below, so a value of the wrong type falls back to empty.
 */
export function keptDraft<T>(
  name: string,
  empty: () => T,
  read: (kept: Record<string, unknown>, fresh: T) => T,
): KeptDraft<T> {
  const key = (personId: string) => `tandem.${name}.${personId}`;
  const isBlank = (draft: T) => JSON.stringify(draft) === JSON.stringify(empty());
  return {
    key,
    empty,
    isBlank,
    load(store, personId) {
      try {
        const text = store.getItem(key(personId));
        if (!text) return null;
        const draft = read(JSON.parse(text) as Record<string, unknown>, empty());
        return isBlank(draft) ? null : draft;
      } catch {
        return null;
      }
    },
    save(store, personId, draft) {
      try {
        if (isBlank(draft)) store.removeItem(key(personId));
        else store.setItem(key(personId), JSON.stringify(draft));
      } catch {
        // Autosave is a convenience; the form still holds what was typed.
      }
    },
    clear(store, personId) {
      try {
        store.removeItem(key(personId));
      } catch {
        // Nothing kept, nothing to clear.
      }
    },
  };
}

// ── Reading a kept field ─────────────────────────────────────────────────────────────────────────

/** The kept value when it is one of `list`, else `fallback`. */
export const oneOf = <V extends string>(list: readonly V[], value: unknown, fallback: V): V =>
  list.includes(value as V) ? (value as V) : fallback;
export const textOr = (value: unknown, fallback = "") => (typeof value === "string" ? value : fallback);
/** The strings of a kept list (anything else dropped); none when it is not a list. */
export const stringsOf = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

// ── The hook ─────────────────────────────────────────────────────────────────────────────────────

/** Waits for a pause in typing before writing to localStorage. */
const SAVE_AFTER_MS = 500;

/**
 * A form kept in localStorage per person as it is typed: restored on the next visit (`restored` says
 * so) unless a draft is handed over (`handed`, e.g. by the advisor, which then replaces the kept one),
 * discarded on request, cleared once `done` (posted, created).
 */
export function useKeptDraft<T>(kept: KeptDraft<T>, personId: string, handed: T | null = null) {
  const [restored, setRestored] = useState(() => !handed && kept.load(localStorage, personId) !== null);
  const [draft, setDraft] = useState<T>(() => handed ?? kept.load(localStorage, personId) ?? kept.empty());
  const [settled] = useDebouncedValue(draft, SAVE_AFTER_MS);
  const finished = useRef(false);
  const latest = useRef(draft);
  latest.current = draft;

  useEffect(() => {
    if (!finished.current) kept.save(localStorage, personId, settled);
  }, [kept, settled, personId]);
  // Leaving within the pause still keeps what was typed last.
  useEffect(
    () => () => {
      if (!finished.current) kept.save(localStorage, personId, latest.current);
    },
    [kept, personId],
  );

  return {
    draft,
    setDraft,
    restored,
    discard() {
      kept.clear(localStorage, personId);
      setDraft(kept.empty());
      setRestored(false);
    },
    /** The form was sent (posted, created): nothing to keep any more. */
    done() {
      finished.current = true;
      kept.clear(localStorage, personId);
    },
  };
}
