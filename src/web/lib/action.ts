import { notifications } from "@mantine/notifications";
import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { ApiError } from "./api";

/**
 * A change sent to the server: refreshes the given caches and confirms in a notification on success;
 * on failure the error stays on the mutation for the form to show beside what was typed.
 */
export function useAction<TInput, TResult>(
  run: (input: TInput) => Promise<TResult>,
  options: { refresh?: QueryKey[]; done?: string; onDone?: (result: TResult) => void } = {},
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (result) => {
      await Promise.all((options.refresh ?? []).map((queryKey) => client.invalidateQueries({ queryKey })));
      if (options.done) notifications.show({ message: options.done, color: "green" });
      options.onDone?.(result);
    },
  });
}

/** Field path → message from a failed action ("week.tue[1]" style paths), or none. */
export function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fields : {};
}

/** A form's submit handler: stays on the page (no browser submit) and runs `run`. */
export function submitWith(run: () => void) {
  return (e: FormEvent) => {
    e.preventDefault();
    run();
  };
}

/** What a form needs of an action that takes no input. */
export interface Saving {
  isPending: boolean;
  error: unknown;
  mutate(input: undefined): void;
}
