/** Home's check-in cards in one small chunk behind one loader (Home's first load is at its budget). */
export { BlockersCard } from "./BlockersCard";
export { CheckinsDueCard } from "./CheckinsDueCard";
