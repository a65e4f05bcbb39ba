import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { registerBackupRoutes } from "./backup.routes";
import { registerOperationsRoutes } from "./operations.routes";

export { BACKUP_PATH, SECRET_HEADER } from "./backup.routes";
export { holdsDatabase, recordingsInDataDir, restoreBackup, takeBackup } from "./backup.service";
export { BackupError, inspectDump, unpackBackup } from "./backup-file";
export { backups } from "./backups.table";
export { announceServer, runningServer } from "./server-file";

export const operationsModule = defineModule<Deps>({
  name: "operations",
  routes: [registerOperationsRoutes, registerBackupRoutes],
});
