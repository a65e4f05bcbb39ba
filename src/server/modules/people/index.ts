export { DEFAULT_WEEK } from "./people.defaults";
export { type PersonRow, presentPerson } from "./people.present";
export { findPerson, findSignInCandidates, getPerson, insertPerson } from "./people.repo";
export { absences, people, zoneChanges } from "./people.table";
