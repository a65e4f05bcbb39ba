/** The clock feature's door: the day spans other features draw; the page (and its chart) loads on first visit. */
import { lazyPage } from "../../lib/lazy-page";

export { type ClockDay, describeSpans, hourTicks, spansOn } from "./clock";
export const TeamClockPage = lazyPage(() => import("./TeamClockPage"), "TeamClockPage");
