import { notifications } from "@mantine/notifications";
import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ChangeEvent, FormEvent } from "react";
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

/** The server's message for a field or anything under it ("audience.personIds[2]"). */
export const errorUnder = (errors: Record<string, string>, path: string) =>
  errors[path] ??
  Object.entries(errors).find(([key]) => key.startsWith(`${path}.`) || key.startsWith(`${path}[`))?.[1];

/**
 * Binds text fields of a form kept in one state object: `{...field("name")}` gives the input its
 * value, its change handler and the server's message for that field.
 */
export function bindFields<F extends Record<string, string>>(
  form: F,
  setForm: (next: F) => void,
  error: unknown,
) {
  const errors = fieldErrors(error);
  return (name: keyof F & string) => ({
    value: form[name],
    onChange: (e: ChangeEvent<HTMLInputElement>) => setForm({ ...form, [name]: e.currentTarget.value }),
    error: errors[name],
  });
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
