/** The policies feature's door: the acknowledgement banner for the shell; pages load on first visit. */
import { lazyPage } from "../../lib/lazy-page";

export { AcknowledgementBanner } from "./AcknowledgementBanner";
export { policyKeys } from "./api";
export const PoliciesPage = lazyPage(() => import("./PoliciesPage"), "PoliciesPage");
export const PolicyPage = lazyPage(() => import("./PolicyPage"), "PolicyPage");
