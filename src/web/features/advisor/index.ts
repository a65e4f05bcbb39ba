/** The advisor feature's door: what other features and the app may use; pages load on first visit. */
import { lazyPage } from "../../lib/lazy-page";

export { AdvisorHomeCard } from "./AdvisorHomeCard";
export const AdvisorPage = lazyPage(() => import("./AdvisorPage"), "AdvisorPage");
