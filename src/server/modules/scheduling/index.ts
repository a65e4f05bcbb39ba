export { registerSchedulingRoutes } from "./scheduling.routes";
export { inconvenienceLedger, rotationAttendees, rotationOccurrences, rotations } from "./scheduling.table";
export { suggestSlots } from "./slots.service";
