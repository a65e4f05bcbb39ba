/** The operations feature's door: the page loads on first visit. */
import { lazyPage } from "../../lib/lazy-page";

export const OperationsPage = lazyPage(() => import("./OperationsPage"), "OperationsPage");
