import { useDebouncedValue } from "@mantine/hooks";
import { useCallback, useEffect, useRef, useState } from "react";
import type { DraftBody, DraftView } from "../api";
import { saveDraft } from "../api";
import { type AutosaveStatus, failureReason } from "./autosave";

/** Waits for a pause in typing before sending the draft to the server. */
export const AUTOSAVE_MS = 1500;

/**
 * The editor's text kept as the viewer's draft on the server (`PUT /documents/:id/draft`) after each
 * pause in typing, so a closed tab or a crash loses nothing. Only a change from what was last kept is
 * sent; leaving the page sends what is pending. `stop()` (before saving a version) waits for a draft
 * on its way, so it cannot land after the version; `resume()` starts again (the save failed).
 */
export function useAutosave(id: string, content: DraftBody, kept: DraftView | null) {
  const key = JSON.stringify(content);
  const [settled] = useDebouncedValue(key, AUTOSAVE_MS);
  const lastKept = useRef(key);
  const latest = useRef(key);
  latest.current = key;
  const stopped = useRef(false);
  const sent = useRef(0);
  const onTheWay = useRef<Promise<unknown> | null>(null);
  const [status, setStatus] = useState<AutosaveStatus>(
    kept ? { state: "saved", at: kept.savedAt } : { state: "idle" },
  );

  const send = useCallback(
    async (body: string) => {
      const mine = ++sent.current;
      setStatus({ state: "saving" });
      const request = saveDraft(id, JSON.parse(body) as DraftBody);
      onTheWay.current = request;
      try {
        const { draft } = await request;
        lastKept.current = body;
        if (mine === sent.current && !stopped.current) setStatus({ state: "saved", at: draft.savedAt });
      } catch (error) {
        if (mine === sent.current && !stopped.current)
          setStatus({ state: "failed", reason: failureReason(error) });
      } finally {
        if (onTheWay.current === request) onTheWay.current = null;
      }
    },
    [id],
  );

  useEffect(() => {
    if (!stopped.current && settled !== lastKept.current) void send(settled);
  }, [settled, send]);

  // Leaving the page within the pause still keeps what was typed last.
  useEffect(
    () => () => {
      if (!stopped.current && latest.current !== lastKept.current)
        void saveDraft(id, JSON.parse(latest.current) as DraftBody).catch(() => undefined);
    },
    [id],
  );

  const typing = key !== lastKept.current && status.state !== "failed";
  return {
    status: typing && key !== settled ? ({ state: "saving" } as const) : status,
    /** Whether a draft of this editor may be on the server (one was kept, or sent). */
    kept: () => Boolean(kept) || sent.current > 0,
    stop: () => {
      stopped.current = true;
      return onTheWay.current ?? Promise.resolve();
    },
    resume: () => {
      stopped.current = false;
    },
    retry: () => void send(latest.current),
    /** Sends what is not kept yet (closing the editor, the draft stays), and waits for it. */
    flush: async () => {
      if (latest.current !== lastKept.current) await send(latest.current);
      else await (onTheWay.current ?? Promise.resolve());
    },
  };
}
