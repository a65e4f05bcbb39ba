/** The advisor feature's door: what other features and the app may use; pages load on first visit. */
import { lazyPage } from "../../lib/lazy-page";

export { AdviceAnswer } from "./AdviceAnswer";
export { AdvisorHomeCard } from "./AdvisorHomeCard";
export { PURPOSE_CHOICES, type Purpose } from "./advice-text";
export { KindSelect, ParticipantsField, PurposeField } from "./QuestionFields";
export const AdvisorPage = lazyPage(() => import("./AdvisorPage"), "AdvisorPage");
