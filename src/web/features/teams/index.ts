/** The teams feature's door: pages load on first visit. */
import { lazyPage } from "../../lib/lazy-page";

export const TeamPage = lazyPage(() => import("./TeamPage"), "TeamPage");
export const TeamsPage = lazyPage(() => import("./TeamsPage"), "TeamsPage");
