import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useRef, useState } from "react";
import { clearDraft, type DocumentDraft, emptyDraft, loadDraft, saveDraft } from "./draft";

/** Waits for a pause in typing before writing to localStorage. */
const SAVE_AFTER_MS = 500;

/**
 * "New document" kept in localStorage per person as it is typed: restored on the next visit (`restored`
 * says so), discarded on request, cleared once the document is created.
 */
export function useDocumentDraft(personId: string) {
  const [restored, setRestored] = useState(() => loadDraft(localStorage, personId) !== null);
  const [draft, setDraft] = useState<DocumentDraft>(() => loadDraft(localStorage, personId) ?? emptyDraft());
  const [settled] = useDebouncedValue(draft, SAVE_AFTER_MS);
  const created = useRef(false);
  const latest = useRef(draft);
  latest.current = draft;

  useEffect(() => {
    if (!created.current) saveDraft(localStorage, personId, settled);
  }, [settled, personId]);
  // Leaving within the pause still keeps what was typed last.
  useEffect(
    () => () => {
      if (!created.current) saveDraft(localStorage, personId, latest.current);
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
    /** The document exists now: nothing to keep any more. */
    created() {
      created.current = true;
      clearDraft(localStorage, personId);
    },
  };
}
