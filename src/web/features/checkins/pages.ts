/**
 * Every page of the check-ins area in one chunk behind one loader: the entry then carries one import
 * and one list of chunks for the whole area instead of one per page (Home's first load is at its budget).
 */
export { AnswerPage } from "./AnswerPage";
export { BlockersPage } from "./BlockersPage";
export { CheckinPage } from "./CheckinPage";
export { CheckinsPage } from "./CheckinsPage";
export { EditCheckinPage } from "./EditCheckinPage";
export { NewCheckinPage } from "./NewCheckinPage";
