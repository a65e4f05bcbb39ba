/** The scheduling feature's door: pages load on first visit; its fields serve New meeting. */
import { lazyPage } from "../../lib/lazy-page";

export { CountInput, DateField, LengthInput } from "./fields";

export const FindTimePage = lazyPage(() => import("./FindTimePage"), "FindTimePage");
export const RotationPage = lazyPage(() => import("./RotationPage"), "RotationPage");
