/** The people feature's door: what other features may use; pages load on first visit. */
import { lazyPage } from "../../lib/lazy-page";

export { DataErasure } from "./DataErasure";
export { DataExport } from "./DataExport";
export { ProfileEditor } from "./ProfileEditor";
export const EditPersonPage = lazyPage(() => import("./EditPersonPage"), "EditPersonPage");
export const PeopleDirectoryPage = lazyPage(() => import("./PeopleDirectoryPage"), "PeopleDirectoryPage");
export const PersonPage = lazyPage(() => import("./PersonPage"), "PersonPage");
