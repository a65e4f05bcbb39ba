import { useEffect, useRef } from "react";
import type { LiveEvent } from "../../contracts/events";

type Listener = (event: LiveEvent) => void;

const listeners = new Set<Listener>();
let source: EventSource | undefined;

/**
 * An event's data as the contract's `liveEvent` says (three strings), checked by hand: the schema
 * would bring zod into the first page's JavaScript for three typeof checks.
 */
export function readLiveEvent(data: string): LiveEvent | undefined {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== "object" || value === null) return undefined;
    const { type, id, at } = value as Record<string, unknown>;
    if (typeof type !== "string" || typeof id !== "string" || typeof at !== "string") return undefined;
    return { type, id, at };
  } catch {
    return undefined;
  }
}

/**
 * Listens to `GET /api/v1/events` until the returned function is called. One stream serves the
 * whole page (browsers allow few connections per host); EventSource reconnects by itself and
 * resumes with Last-Event-ID, so nothing of the last five minutes is missed.
 */
export function subscribeLiveEvents(listener: Listener): () => void {
  listeners.add(listener);
  if (!source) {
    source = new EventSource("/api/v1/events");
    source.onmessage = (message) => {
      const event = readLiveEvent(String(message.data));
      if (event) for (const each of listeners) each(event);
    };
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    source?.close();
    source = undefined;
  };
}

/** Calls `handler` with each live event while the component is mounted (the latest handler). */
export function useLiveEvents(handler: Listener): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => subscribeLiveEvents((event) => latest.current(event)), []);
}
