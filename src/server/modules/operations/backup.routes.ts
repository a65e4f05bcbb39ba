import { resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps";
import { safeEqual } from "../../platform/crypto";
import { AppError } from "../../platform/errors";
import { takeBackup } from "./backup.service";
import { readServerFile } from "./server-file";

export const BACKUP_PATH = "/internal/backup";
export const SECRET_HEADER = "x-tandem-backup-secret";

/**
 * `tandem backup` while `tandem serve` holds the embedded database: the CLI calls this over loopback
 * with the secret from the server file, and gets the backup file. Anyone else gets 404, as if the
 * route did not exist (outside /api/v1: no session, no route matrix row).
 */
export function registerBackupRoutes(app: FastifyInstance, deps: Deps): void {
  if (deps.database.kind !== "pglite") return;
  app.post(BACKUP_PATH, { schema: { hide: true }, config: { access: "public" } }, async (request, reply) => {
    const file = await readServerFile(resolve(deps.config.dataDir));
    const sent = request.headers[SECRET_HEADER];
    const allowed =
      isLoopback(request.socket.remoteAddress) &&
      file?.pid === process.pid &&
      typeof sent === "string" &&
      safeEqual(sent, file.secret);
    if (!allowed) throw new AppError("not_found", "There is nothing here");
    const { file: backup } = await takeBackup(deps.database, deps.config, deps.clock, "server");
    return reply.type("application/x-tar").send(backup);
  });
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === "::1" || /^(::ffff:)?127\./.test(address);
}
