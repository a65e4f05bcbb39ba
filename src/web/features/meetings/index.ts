/** The meetings feature's door: pages (and Home's action items card) load on first visit. */
import { lazyPage } from "../../lib/lazy-page";

export { meetingKeys } from "./keys";
export const MeetingsPage = lazyPage(() => import("./MeetingsPage"), "MeetingsPage");
export const NewMeetingPage = lazyPage(() => import("./NewMeetingPage"), "NewMeetingPage");
export const MeetingPage = lazyPage(() => import("./MeetingPage"), "MeetingPage");
export const EditMeetingPage = lazyPage(() => import("./EditMeetingPage"), "EditMeetingPage");
/** Home's "My action items": its own chunk, so Home's first page stays small; wrap it in a Suspense. */
export const ActionItemsCard = lazyPage(() => import("./list/ActionItemsCard"), "ActionItemsCard");
