export { registerAuditRoutes } from "./audit.routes";
export { type AuditAction, type AuditEntry, listAudit, recordAudit } from "./audit.service";
