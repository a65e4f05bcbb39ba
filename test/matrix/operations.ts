import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { sendEmailJob } from "../../src/server/modules/outbox";
import { onlyRoles, type RouteCase } from "../support/matrix";

export const cases: RouteCase[] = [
  { route: "GET /api/v1/admin/operations", expect: onlyRoles(200, ["admin"], 403) },
  {
    route: "POST /api/v1/admin/operations/jobs/:id/retry",
    // A failed job of the organisation, fresh for every caller (a retry consumes it).
    prepare: async ({ env, org }) => {
      const id = await env.deps.db.transaction(async (tx) => {
        const jobId = await env.deps.jobs.send(tx, sendEmailJob, {
          emailId: randomUUID(),
          organisationId: org.organisation.id,
        });
        await tx.execute(
          sql`update pgboss.job set state = 'failed', completed_on = now() where id = ${jobId}::uuid`,
        );
        return jobId;
      });
      return { url: `/api/v1/admin/operations/jobs/${id}/retry` };
    },
    expect: onlyRoles(200, ["admin"], 403),
  },
];
