/** The calendars feature's door: what other features may use; pages load on first visit. */
import { lazyPage } from "../../lib/lazy-page";

export { CalendarSections } from "./CalendarSections";
export const MyCalendarPage = lazyPage(() => import("./MyCalendarPage"), "MyCalendarPage");
