/** The scheduling feature's door: pages load on first visit. */
import { lazyPage } from "../../lib/lazy-page";

export const FindTimePage = lazyPage(() => import("./FindTimePage"), "FindTimePage");
export const RotationPage = lazyPage(() => import("./RotationPage"), "RotationPage");
