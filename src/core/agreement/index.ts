export { type AdvisorContext, type AdvisorQuestion, advise } from "./advisor";
export { KIND_NAMES, plural } from "./catalog";
export { diffLines, diffRules, type LineChange, type RuleChange } from "./diff";
export { ruleLabel } from "./labels";
export { type AdvisorParticipant, OVERLAP_WINDOW_MS, REPLY_HORIZON_MS } from "./next-step";
export {
  type EffectiveRules,
  effectiveRules,
  type LoosenedRule,
  loosenedRules,
  type RuleSource,
  type RuleSources,
} from "./rules";
