/** The home feature's door: the page loads on first visit. */
import { lazyPage } from "../../lib/lazy-page";

export const HomePage = lazyPage(() => import("./HomePage"), "HomePage");
