import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { registerAuditRoutes } from "./audit.routes";

export { type AuditAction, type AuditEntry, listAudit, recordAudit, recordAudits } from "./audit.service";

export const auditModule = defineModule<Deps>({ name: "audit", routes: [registerAuditRoutes] });
