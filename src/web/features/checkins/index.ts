/**
 * The check-ins feature's door (issue 15): the list, the builder, the answer form, a ritual's page
 * (digest, pulse, participation), blockers; Home's cards, each in its own chunk.
 */
import { lazyPage } from "../../lib/lazy-page";

export { checkinKeys } from "./keys";

// One loader for the area's pages (./pages): the entry stays small; the area loads on its first page.
const pages = () => import("./pages");
export const CheckinsPage = lazyPage(pages, "CheckinsPage");
export const NewCheckinPage = lazyPage(pages, "NewCheckinPage");
export const EditCheckinPage = lazyPage(pages, "EditCheckinPage");
export const AnswerPage = lazyPage(pages, "AnswerPage");
export const CheckinPage = lazyPage(pages, "CheckinPage");
export const BlockersPage = lazyPage(pages, "BlockersPage");
/** Home's "Check-ins due" and "Blockers": a chunk of their own, so Home's first page stays small; wrap in a Suspense. */
const homeCards = () => import("./home-cards");
export const CheckinsDueCard = lazyPage(homeCards, "CheckinsDueCard");
export const BlockersCard = lazyPage(homeCards, "BlockersCard");
