/** The auth feature's door: what the app shell uses; the signed-out pages load on first visit. */
import { lazyPage } from "../../lib/lazy-page";

export { SignOutButton } from "./SignOutButton";
export { setupStatusQuery } from "./setup-status";

export const AcceptInvitationPage = lazyPage(() => import("./AcceptInvitationPage"), "AcceptInvitationPage");
export const LoginPage = lazyPage(() => import("./LoginPage"), "LoginPage");
export const SetupPage = lazyPage(() => import("./SetupPage"), "SetupPage");
