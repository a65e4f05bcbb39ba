import { notifications } from "@mantine/notifications";
import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";

/**
 * Deletes what the page shows, then leaves for its list: the page's cache is dropped before leaving
 * (so nothing asks for it again and finds it gone), the list's refreshed, the deletion confirmed.
 */
export function useDeleteAndLeave(options: {
  run: () => Promise<unknown>;
  /** The deleted thing's cache. */
  drop: QueryKey;
  /** The list's caches, refreshed. */
  refresh: QueryKey;
  done: string;
  to: string;
}) {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: options.run,
    onSuccess: async () => {
      client.removeQueries({ queryKey: options.drop });
      await client.invalidateQueries({ queryKey: options.refresh });
      notifications.show({ message: options.done, color: "green" });
      navigate(options.to);
    },
  });
}
