import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useRef, useState } from "react";
import { clearDraft, emptyDraft, loadDraft, saveDraft, type UpdateDraft } from "./draft";

/** Waits for a pause in typing before writing to localStorage. */
const SAVE_AFTER_MS = 500;

/**
 * The composer's form, kept in localStorage per person as it is typed: restored on the next visit
 * (`restored` says so) unless the advisor hands over a draft (`advised`, which then replaces the kept one),
 * discarded on request, cleared once posted.
 */
export function useUpdateDraft(personId: string, advised: UpdateDraft | null = null) {
  const [restored, setRestored] = useState(() => !advised && loadDraft(localStorage, personId) !== null);
  const [draft, setDraft] = useState<UpdateDraft>(
    () => advised ?? loadDraft(localStorage, personId) ?? emptyDraft(),
  );
  const [settled] = useDebouncedValue(draft, SAVE_AFTER_MS);
  const posted = useRef(false);
  const latest = useRef(draft);
  latest.current = draft;

  useEffect(() => {
    if (!posted.current) saveDraft(localStorage, personId, settled);
  }, [settled, personId]);
  // Leaving within the pause still keeps what was typed last.
  useEffect(
    () => () => {
      if (!posted.current) saveDraft(localStorage, personId, latest.current);
    },
    [personId],
  );

  return {
    draft,
    setDraft,
    restored,
    discard() {
      clearDraft(localStorage, personId);
      setDraft(emptyDraft());
      setRestored(false);
    },
    /** The update is posted: nothing to keep any more. */
    posted() {
      posted.current = true;
      clearDraft(localStorage, personId);
    },
  };
}
