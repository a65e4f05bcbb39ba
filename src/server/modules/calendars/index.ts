export { busyOf, focusOf } from "./busy.service";
export {
  REFRESH_CALENDAR_QUEUE,
  REFRESH_DUE_CALENDARS_QUEUE,
  REFRESH_EVERY_MINUTES,
  type RefreshCalendarJob,
  refreshCalendar,
  refreshDueCalendars,
} from "./calendars.jobs";
export { registerCalendarRoutes } from "./calendars.routes";
export { busyIntervals, calendarFeeds, calendars, focusBlocks } from "./calendars.table";
