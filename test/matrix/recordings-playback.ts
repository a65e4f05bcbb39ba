import { Readable } from "node:stream";
import { setPoster } from "../../src/server/modules/recordings/playback.service";
import { buildRecording } from "../support/build";
import { actorOf } from "../support/factories";
import type { MatrixContext, RouteCase } from "../support/matrix";
import { everyRole, membersOwn, onlyRoles } from "../support/matrix";

/** A WebP poster frame as far as sniffing goes ("RIFF", a size, "WEBP"), written in ASCII. */
const WEBP = `RIFF\u0024\u0000\u0000\u0000WEBPVP8 ${"x".repeat(32)}`;

const on =
  (path = "", withPoster = false) =>
  async ({ env, org }: MatrixContext) => {
    const { recording } = await buildRecording(env, { org, owner: org.member });
    if (withPoster)
      await setPoster(env.deps, actorOf(org.member), recording.id, {
        stream: Readable.from([Buffer.from(WEBP)]),
        declaredLength: undefined,
      });
    return { url: `/api/v1/recordings/${recording.id}${path}` };
  };

export const cases: RouteCase[] = [
  { route: "GET /api/v1/recordings/limits", expect: everyRole(200) },
  { route: "GET /api/v1/recordings/:id", prepare: on(), expect: membersOwn(200) },
  { route: "GET /api/v1/recordings/:id/media", prepare: on("/media"), expect: membersOwn(200) },
  {
    route: "PUT /api/v1/recordings/:id/poster",
    prepare: async (ctx) => ({ ...(await on("/poster")(ctx)), payload: WEBP, contentType: "image/webp" }),
    expect: membersOwn(204),
  },
  { route: "GET /api/v1/recordings/:id/poster", prepare: on("/poster", true), expect: membersOwn(200) },
  { route: "GET /api/v1/organisation/recordings", expect: onlyRoles(200, ["admin"], 403) },
  {
    route: "PUT /api/v1/organisation/recordings",
    prepare: async () => ({ body: { retentionDays: 30 } }),
    expect: onlyRoles(200, ["admin"], 403),
    badInput: { wrongType: { field: "retentionDays", value: "thirty" } },
  },
];
