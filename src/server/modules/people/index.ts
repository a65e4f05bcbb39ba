import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { registerPeopleRoutes } from "./people.routes";

export { DEFAULT_WEEK } from "./people.defaults";
export { assertMayEditPerson, assertMayGrantRole } from "./people.policy";
export { presentPerson } from "./people.present";
export {
  activePeopleOf,
  activePersonIds,
  assertEmailAvailable,
  findPerson,
  findSignInCandidates,
  getPerson,
  insertPerson,
  type NamedPerson,
  nameOf,
  type PersonRow,
} from "./people.repo";
export { checkedWeekPattern } from "./people.service";
export { absences, people, zoneChanges } from "./people.table";
export { addAbsence, addZoneChange } from "./time-off.service";
export {
  type PersonWithProfile,
  type PersonWorkingTime,
  workingTimeOf,
  workingTimeProfilesOf,
} from "./working-time.service";

export const peopleModule = defineModule<Deps>({ name: "people", routes: [registerPeopleRoutes] });
