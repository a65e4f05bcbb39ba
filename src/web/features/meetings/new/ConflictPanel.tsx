/** Shared with the rotation's "Create these meetings" (scheduling may not import this feature). */
export { ConflictPanel, conflictOf } from "../../../components/ConflictPanel";
