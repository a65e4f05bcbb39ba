/** The updates feature's door: the feed, the composer, a thread, the decision log; Home's card. */
import { lazyPage } from "../../lib/lazy-page";

export { updateKeys } from "./keys";
export const UpdatesPage = lazyPage(() => import("./UpdatesPage"), "UpdatesPage");
export const NewUpdatePage = lazyPage(() => import("./NewUpdatePage"), "NewUpdatePage");
export const UpdatePage = lazyPage(() => import("./UpdatePage"), "UpdatePage");
export const DecisionLogPage = lazyPage(() => import("./DecisionLogPage"), "DecisionLogPage");
/** Home's "Needs my reply": its own chunk, so Home's first page stays small; wrap it in a Suspense. */
export const NeedsMyReplyCard = lazyPage(() => import("./NeedsMyReplyCard"), "NeedsMyReplyCard");
