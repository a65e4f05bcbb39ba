import { useSyncExternalStore } from "react";
import { ApiError } from "./api";

// The page (path) whose data the server refused with 403, so the page says so instead of going blank.
let forbiddenPath: string | null = null;
const listeners = new Set<() => void>();

function set(path: string | null): void {
  if (path === forbiddenPath) return;
  forbiddenPath = path;
  for (const listener of listeners) listener();
}

/** For the query cache: a read the server refused (403) means the current page is not for this person. */
export function noteQueryError(error: unknown): void {
  if (error instanceof ApiError && error.status === 403) set(window.location.pathname);
}

/** Forget a refusal once the person is on another page. */
export function forgetRefusalsElsewhere(pathname: string): void {
  if (forbiddenPath !== pathname) set(null);
}

/** Whether the server refused this path's data. */
export function useForbidden(pathname: string): boolean {
  const path = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => forbiddenPath,
  );
  return path === pathname;
}
