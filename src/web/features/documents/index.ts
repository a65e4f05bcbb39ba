/** The documents feature's door: the list, a new document, the editor, its history; pre-read pickers. */
import { lazyPage } from "../../lib/lazy-page";

export { documentKeys } from "./keys";
export const DocumentsPage = lazyPage(() => import("./DocumentsPage"), "DocumentsPage");
export const NewDocumentPage = lazyPage(() => import("./NewDocumentPage"), "NewDocumentPage");
export const DocumentPage = lazyPage(() => import("./DocumentPage"), "DocumentPage");
export const DocumentHistoryPage = lazyPage(() => import("./DocumentHistoryPage"), "DocumentHistoryPage");
/** For composers (pages that are themselves lazy): choose documents the viewer can read. */
export { DocumentPicker, type DocumentPickerProps } from "./DocumentPicker";
