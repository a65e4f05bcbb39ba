import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { registerCalendarFileRoutes } from "./calendar-file.routes";
import { refreshCalendarJob, refreshDueCalendarsJob } from "./calendars.jobs";
import { registerCalendarRoutes } from "./calendars.routes";

export { busyOf, focusOf } from "./busy.service";
export {
  type RefreshCalendarJob,
  refreshCalendar,
  refreshCalendarJob,
  refreshDueCalendars,
  refreshDueCalendarsJob,
} from "./calendars.jobs";
export { importedBusyRows } from "./calendars.repo";
export { createCalendar } from "./calendars.service";
export { busyIntervals, calendarFeeds, calendars, focusBlocks } from "./calendars.table";

export const calendarsModule = defineModule<Deps>({
  name: "calendars",
  routes: [registerCalendarRoutes, registerCalendarFileRoutes],
  jobs: [refreshCalendarJob, refreshDueCalendarsJob],
});
