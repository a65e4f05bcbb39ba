/** The settings feature's door: the zone offer for the shell; pages load on first visit. */
import { lazyPage } from "../../lib/lazy-page";

export const ZoneOffer = lazyPage(() => import("./ZoneOffer"), "ZoneOffer");
export const ProfilePage = lazyPage(() => import("./ProfilePage"), "ProfilePage");
export const TokensPage = lazyPage(() => import("./TokensPage"), "TokensPage");
