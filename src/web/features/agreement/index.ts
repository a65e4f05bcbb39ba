/** The agreement feature's door: what other features and the app may use; pages load on first visit. */
import { lazyPage } from "../../lib/lazy-page";

export { MarkdownPreview, ServerHtml } from "../../components/MarkdownPreview";
export { AcknowledgeCard } from "./AcknowledgeCard";
export { useScrollToHash, VersionMeta } from "./AgreementParts";
export { agreementKeys, type ComplianceView, mayPublish, useAgreement, useMyPendingAgreement } from "./api";
export { LineChangeList } from "./ChangeLists";
export { ComplianceReport } from "./ComplianceReport";
export { KIND_OPTIONS, ruleLabel } from "./rules-text";

export const AgreementPage = lazyPage(() => import("./AgreementPage"), "AgreementPage");
export const CompliancePage = lazyPage(() => import("./CompliancePage"), "CompliancePage");
export const EditAgreementPage = lazyPage(() => import("./EditAgreementPage"), "EditAgreementPage");
export const VersionPage = lazyPage(() => import("./VersionsPage"), "VersionPage");
export const VersionsPage = lazyPage(() => import("./VersionsPage"), "VersionsPage");
