import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { exportKey } from "../../src/server/modules/data-rights/export.keys";
import { dataExports } from "../../src/server/modules/data-rights/export.table";
import type { MatrixContext, RouteCase } from "../support/matrix";
import { everyRole, membersOwn, onlyRoles } from "../support/matrix";

/** The member's own export, recorded without its job; `ready` also puts its (tiny) file in the store. */
const membersExport =
  (path: string, ready = false) =>
  async ({ env, org }: MatrixContext) => {
    const organisationId = org.organisation.id;
    const personId = org.member.person.id;
    const now = env.deps.clock.now();
    const [row] = await env.deps.db
      .insert(dataExports)
      .values({ organisationId, kind: "person", personId, requestedBy: personId })
      .returning({ id: dataExports.id });
    const id = row?.id ?? "";
    if (ready) {
      const key = exportKey(organisationId, id);
      await env.deps.storage.put(key, Readable.from([Buffer.from("PK\u0005\u0006")]), { maxBytes: 100 });
      await env.deps.db
        .update(dataExports)
        .set({
          status: "ready",
          progress: 100,
          fileKey: key,
          readyAt: now,
          expiresAt: new Date(now.getTime() + 3_600_000),
        })
        .where(eq(dataExports.id, id));
    }
    return { url: `/api/v1/exports/${id}${path}` };
  };

export const cases: RouteCase[] = [
  // A foreign caller exports their own data in their own organisation.
  { route: "POST /api/v1/me/export", expect: everyRole(202) },
  {
    route: "POST /api/v1/people/:id/export",
    prepare: async ({ org }) => ({ url: `/api/v1/people/${org.member.person.id}/export` }),
    // The member is the person themself; refused before the person is looked up, so a foreign caller gets 403.
    expect: onlyRoles(202, ["admin", "hr", "member"], 403),
  },
  { route: "POST /api/v1/organisation/export", expect: onlyRoles(202, ["owner"], 403) },
  { route: "GET /api/v1/exports/:id", prepare: membersExport(""), expect: membersOwn(200) },
  {
    route: "GET /api/v1/exports/:id/download",
    prepare: membersExport("/download", true),
    expect: membersOwn(200),
  },
];
