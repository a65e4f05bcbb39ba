export { type Delivery, deliveryOn, nextDelivery, openDeliveries, type RitualTiming } from "./delivery";
export {
  type AnswerFact,
  ownPulse,
  type PulsePeriod,
  pulsePeriods,
  summariseQuestion,
  type Thresholds,
  weekStart,
  withheldNote,
} from "./summary";
export { askedQuestions, TEMPLATES } from "./templates";
