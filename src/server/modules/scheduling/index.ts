import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { registerSchedulingRoutes } from "./scheduling.routes";

export { deleteLedgerEntries, type LedgerSlot, replaceLedgerEntries } from "./ledger.entries";
export { type RotationToHold, retireRotation, rotationToHold } from "./rotation.meetings";
export { inconvenienceLedger, rotationAttendees, rotationOccurrences, rotations } from "./scheduling.table";
export { suggestSlots } from "./slots.service";

export const schedulingModule = defineModule<Deps>({
  name: "scheduling",
  routes: [registerSchedulingRoutes],
});
