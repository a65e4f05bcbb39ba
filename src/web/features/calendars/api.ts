import { useQuery } from "@tanstack/react-query";
import type { CalendarBusyView, CalendarView, FocusView } from "../../../contracts/calendars";
import { api, get, upload } from "../../lib/api";
import { keys } from "../../lib/resources";

export type { CalendarView, FeedView, FocusView } from "../../../contracts/calendars";

export const calendarKeys = {
  calendars: (personId: string) => [...keys.person(personId), "calendars"] as const,
  focus: (personId: string) => [...keys.person(personId), "focus-blocks"] as const,
};

/** A URL calendar added but not yet fetched by the refresh job. */
export const awaitingFirstSync = (c: CalendarView) => c.kind === "url" && !c.lastSyncedAt && !c.lastError;

export function useCalendars(personId: string) {
  return useQuery({
    queryKey: calendarKeys.calendars(personId),
    queryFn: () => get<{ calendars: CalendarView[] }>(`/people/${personId}/calendars`),
    select: (data) => data.calendars,
    // A new URL calendar is fetched by a job: look again until it has synced (or failed).
    refetchInterval: (query) => (query.state.data?.calendars.some(awaitingFirstSync) ? 2000 : false),
  });
}

export function useFocusBlocks(personId: string) {
  return useQuery({
    queryKey: calendarKeys.focus(personId),
    queryFn: () => get<{ focusBlocks: FocusView }>(`/people/${personId}/focus-blocks`),
    select: (data) => data.focusBlocks,
  });
}

/** Where a file is on its way: about to be sent, sent (0–1), then read by the server. */
export type SendStage =
  | { stage: "reading" }
  | { stage: "uploading"; fraction: number }
  | { stage: "processing" };

/**
 * Sends a calendar file as itself (`text/calendar`, never read into the page) with progress: a new
 * calendar (`name`) or, with `calendarId`, a new version of an uploaded one, which replaces its
 * events atomically.
 */
export async function sendCalendarFile(
  personId: string,
  file: File,
  target: { name: string } | { calendarId: string },
  onStage: (stage: SendStage) => void,
): Promise<CalendarView> {
  const onProgress = (fraction: number) =>
    onStage(fraction < 1 ? { stage: "uploading", fraction } : { stage: "processing" });
  onProgress(0);
  const base = `/people/${personId}/calendars`;
  const body = { type: "text/calendar", data: file };
  const { calendar } =
    "calendarId" in target
      ? await upload<{ calendar: CalendarView }>(`${base}/${target.calendarId}/file`, body, onProgress, "PUT")
      : await upload<{ calendar: CalendarView }>(
          `${base}/file?${new URLSearchParams({ name: target.name })}`,
          body,
          onProgress,
        );
  return calendar;
}

export async function subscribeToCalendar(personId: string, body: { name: string; url: string }) {
  return (await api<{ calendar: CalendarView }>("POST", `/people/${personId}/calendars`, body)).calendar;
}

/** Retry: the server fetches a subscribed calendar now (clearing a broken mark) and answers the outcome. */
export async function retryCalendar(personId: string, calendarId: string) {
  const path = `/people/${personId}/calendars/${calendarId}/refresh`;
  return (await api<{ calendar: CalendarView }>("POST", path)).calendar;
}

/** A new address for a subscribed calendar, fetched at once. */
export async function changeCalendarAddress(personId: string, calendarId: string, url: string) {
  const path = `/people/${personId}/calendars/${calendarId}`;
  return (await api<{ calendar: CalendarView }>("PUT", path, { url })).calendar;
}

/** One busy interval of a person's own calendars, named by its calendar. */
export interface CalendarBusy {
  calendar: string;
  start: number;
  end: number;
}

/**
 * The person's own busy time by calendar and their focus blocks in `window`; under the calendars'
 * key, so an upload, a replacement or a removal redraws the week.
 */
export function calendarBusyQuery(personId: string, window: { start: number; end: number }) {
  const params = new URLSearchParams({
    from: new Date(window.start).toISOString(),
    to: new Date(window.end).toISOString(),
  });
  const spans = (list: { start: string; end: string }[]) =>
    list.map((i) => ({ ...i, start: Date.parse(i.start), end: Date.parse(i.end) }));
  return {
    queryKey: [...calendarKeys.calendars(personId), "busy", window.start, window.end],
    queryFn: async () => {
      const data = await get<CalendarBusyView>(`/people/${personId}/calendar-busy?${params}`);
      return { busy: spans(data.busy) as CalendarBusy[], focus: spans(data.focus) };
    },
  };
}
