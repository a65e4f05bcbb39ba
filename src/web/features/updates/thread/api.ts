import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useAction } from "../../../lib/action";
import { api } from "../../../lib/api";
import { updateKeys } from "../api";

/**
 * A change to a thread: sends `method path body` and refreshes the thread, the feeds and the
 * decision log. Other readers see it through the `update.changed` live event.
 */
export function useThreadAction<TInput, TResult = unknown>(
  request: (input: TInput) => { method: "POST" | "PATCH" | "DELETE"; path: string; body?: unknown },
  options: { done?: string; onDone?: (result: TResult) => void } = {},
) {
  return useAction(
    (input: TInput) => {
      const { method, path, body } = request(input);
      return api<TResult>(method, path, body);
    },
    { refresh: [updateKeys.all], ...options },
  );
}

/**
 * Tells the server the viewer opened the thread, once per visit (a GET never writes, so the page
 * does it), then refreshes the feeds so its unread mark goes.
 */
export function useMarkSeen(updateId: string, ready: boolean) {
  const client = useQueryClient();
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (!ready || sent.current === updateId) return;
    sent.current = updateId;
    api("POST", `/updates/${updateId}/seen`)
      .then(() => client.invalidateQueries({ queryKey: [...updateKeys.all, "feed"] }))
      .catch(() => {
        // Seen marks are a courtesy to the author: a failure must not disturb reading.
      });
  }, [updateId, ready, client]);
}
