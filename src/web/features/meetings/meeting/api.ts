import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useAction } from "../../../lib/action";
import { api, get } from "../../../lib/api";
import { type MeetingView, meetingKeys } from "../api";

export type Notes = { body: string; html: string; version: number };
export type PrivateNotes = { body: string; updatedAt: string | null };

/** The viewer's own notes on a meeting: only they can read them. */
export function usePrivateNotes(id: string, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.privateNotes(id),
    queryFn: () => get<{ privateNotes: PrivateNotes }>(`/meetings/${id}/private-notes`),
    select: (d) => d.privateNotes,
    enabled,
  });
}

/**
 * A change to a meeting: sends `method path body` and refreshes the meeting (and the lists that show
 * it). Other attendees see it through the `meeting.changed` live event.
 */
export function useMeetingAction<TInput, TResult = unknown>(
  request: (input: TInput) => { method: "POST" | "PUT" | "PATCH" | "DELETE"; path: string; body?: unknown },
  options: { done?: string; onDone?: (result: TResult) => void } = {},
) {
  return useAction(
    (input: TInput) => {
      const { method, path, body } = request(input);
      return api<TResult>(method, path, body);
    },
    { refresh: [meetingKeys.all], ...options },
  );
}

/**
 * Sends a new agenda order, showing it at once (the server's answer and the live refetch confirm it;
 * a refusal puts the server's order back).
 */
export function useReorderAgenda(meetingId: string) {
  const client = useQueryClient();
  const key = meetingKeys.one(meetingId);
  return useMutation({
    mutationFn: (itemIds: string[]) => api("PUT", `/meetings/${meetingId}/agenda-order`, { itemIds }),
    onMutate: async (itemIds) => {
      await client.cancelQueries({ queryKey: key, exact: true });
      client.setQueryData<{ meeting: MeetingView }>(
        key,
        (old) => old && { meeting: reordered(old.meeting, itemIds) },
      );
    },
    onSettled: () => client.invalidateQueries({ queryKey: meetingKeys.all }),
  });
}

function reordered(meeting: MeetingView, itemIds: string[]): MeetingView {
  const at = new Map(itemIds.map((id, i) => [id, i + 1]));
  const agenda = meeting.agenda
    .map((item) => ({ ...item, position: at.get(item.id) ?? item.position }))
    .sort((a, b) => a.position - b.position);
  return { ...meeting, agenda };
}
