/** The meetings feature's door: pages load on first visit. */
import { lazyPage } from "../../lib/lazy-page";

export { meetingKeys } from "./api";
export const MeetingsPage = lazyPage(() => import("./MeetingsPage"), "MeetingsPage");
export const NewMeetingPage = lazyPage(() => import("./NewMeetingPage"), "NewMeetingPage");
export const MeetingPage = lazyPage(() => import("./MeetingPage"), "MeetingPage");
