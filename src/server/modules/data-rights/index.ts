import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { carryOutErasuresJob } from "./erasure.jobs";
import { registerErasureRoutes } from "./erasure.routes";
import { buildExportJob, expireExportsJob } from "./export.job";
import { registerExportRoutes } from "./export.routes";

/**
 * A person's data (issue 17, GDPR articles 15, 17 and 20): the registry of every table holding data about
 * people (`registry.ts`), exports of a person's or the organisation's data as a ZIP (`export.*`), and
 * erasure (`erasure.*`).
 */
export { carryOutErasuresJob } from "./erasure.jobs";
export { erasures } from "./erasure.table";
export { exportFolder } from "./export.keys";
export { dataExports } from "./export.table";
export { ORGANISATION_FOLDERS, PERSONAL_DATA, type PersonalTable } from "./registry";

export const dataRightsModule = defineModule<Deps>({
  name: "data-rights",
  routes: [registerExportRoutes, registerErasureRoutes],
  jobs: [buildExportJob, expireExportsJob, carryOutErasuresJob],
});
