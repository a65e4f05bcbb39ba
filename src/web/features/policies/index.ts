/** The policies feature's door: the acknowledgement banner for the shell; pages load on first visit. */
import { lazyPage } from "../../lib/lazy-page";

/** Its own chunk (as the zone offer), so the first page stays small; the layout wraps it in a Suspense. */
export const AcknowledgementBanner = lazyPage(
  () => import("./AcknowledgementBanner"),
  "AcknowledgementBanner",
);
export { policyKeys } from "./api";
export const PoliciesPage = lazyPage(() => import("./PoliciesPage"), "PoliciesPage");
export const PolicyPage = lazyPage(() => import("./PolicyPage"), "PolicyPage");
