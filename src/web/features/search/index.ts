/** The search feature's door: the results page (the top bar's box lives in app/Layout). */
import { lazyPage } from "../../lib/lazy-page";

export const SearchPage = lazyPage(() => import("./SearchPage"), "SearchPage");
