import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { signIn } from "../../../../test/support/factories";
import { call, closeEnv, freshEnv, sessionCookieOf, type TestEnv } from "../../../../test/support/harness";
import { hashPassword } from "../../platform/crypto";
import { organisations } from "../organisations/organisations.table";
import { people } from "../people/people.table";
import { DEMO_MEETINGS } from "./demo-data";

// Each test seeds a whole organisation on a fresh instance: longer than the suite's 30 s under load.
describe("POST /api/v1/setup/demo", { timeout: 90_000 }, () => {
  const envs: TestEnv[] = [];
  // Each test seeds a database of its own: close it when the test ends, or eight of them hold more
  // PostgreSQL connections than a run has beside the other worker ("too many clients already").
  afterEach(async () => {
    for (const env of envs.splice(0)) await closeEnv(env);
  });
  const seeded = async () => {
    const env = await freshEnv();
    envs.push(env);
    const res = await call(env, "POST", "/api/v1/setup/demo");
    expect(res.statusCode).toBe(201);
    return { env, res, body: res.json() };
  };
  const demoShown = async (env: TestEnv) => (await call(env, "GET", "/api/v1/setup/demo")).json().demo;

  it("seeds the demo organisation on a fresh instance, signs in as its owner, then closes", async () => {
    const { env, res, body } = await seeded();
    expect(body.organisation.name).toBe("Northwind Remote");
    expect(body.person.role).toBe("owner");
    const cookie = sessionCookieOf(res);
    const people = await call(env, "GET", "/api/v1/people", {
      headers: { cookie: `tandem_session=${cookie}` },
    });
    const list = people.json().people as { timeZone: string }[];
    expect(list.length).toBeGreaterThanOrEqual(12);
    expect(new Set(list.map((p) => p.timeZone)).size).toBeGreaterThanOrEqual(5);
    expect(list.map((p) => p.timeZone)).toContain("Asia/Kolkata");
    // One webhook to show, switched off so the demo never calls out to the internet.
    const hooks = await call(env, "GET", "/api/v1/webhooks", {
      headers: { cookie: `tandem_session=${cookie}` },
    });
    expect(hooks.json().webhooks).toEqual([
      expect.objectContaining({ format: "slack", enabled: false, disabledReason: "Demo: add your own URL" }),
    ]);
    // A few inbox items through notify: the urgent one is there whatever the hour.
    const inbox = await call(env, "GET", "/api/v1/inbox", {
      headers: { cookie: `tandem_session=${cookie}` },
    });
    expect(inbox.json().items).toContainEqual(
      expect.objectContaining({ urgent: true, kind: "notification.test" }),
    );

    const login = await call(env, "POST", "/api/v1/auth/login", {
      body: { email: body.person.email, password: body.password },
    });
    expect(login.statusCode).toBe(200);
    const again = await call(env, "POST", "/api/v1/setup/demo");
    expect(again.statusCode).toBe(409);
  });

  it("shows meetings at work: a completed weekly carried forward, a one-to-one, a flag, an override", async () => {
    const { env } = await seeded();
    const as = async (email: string) => {
      const [person] = await env.deps.db.select().from(people).where(eq(people.email, email));
      if (!person) throw new Error(`no demo person ${email}`);
      return signIn(env, person);
    };
    const olivia = await as("olivia@northwind.example");
    const get = async (url: string, caller = olivia) => {
      const res = await call(env, "GET", url, { as: caller });
      expect(res.statusCode, url).toBe(200);
      return res.json();
    };
    const { meetings } = (await get("/api/v1/meetings")) as {
      meetings: {
        id: string;
        title: string;
        status: string;
        agendaMissing: boolean;
        seriesId: string | null;
      }[];
    };
    const titled = (title: string) => meetings.filter((m) => m.title === title);
    const { weekly, oneToOne, emptyAgenda, overridden } = DEMO_MEETINGS;

    // The weekly's last meeting: completed, its recap kept, three ratings, so the averages show.
    const [lastId, nextId] = titled(weekly.title).map((m) => m.id);
    const last = (await get(`/api/v1/meetings/${lastId}`)).meeting;
    expect(last.status).toBe("completed");
    expect(last.recap.decisions).toHaveLength(weekly.decisions.length);
    expect(last.recap.covered).toEqual(weekly.covered);
    expect(last.rating).toMatchObject({ count: 3, worthItAverage: 4, mine: false });
    // The next one: the open item and Olivia's open action item carried forward; Rafael follows async.
    const next = (await get(`/api/v1/meetings/${nextId}`)).meeting;
    expect(next.series).toMatchObject({ index: 2, previousId: lastId });
    expect(next.agenda).toContainEqual(
      expect.objectContaining({ title: weekly.extraItem, status: "open", carriedFrom: expect.any(String) }),
    );
    expect(next.actionItems).toEqual([
      expect.objectContaining({ text: weekly.actionItems[0]?.text, status: "open", carriedFrom: lastId }),
    ]);
    expect(next.attendees).toContainEqual(
      expect.objectContaining({ name: "Rafael Souza", rsvp: "follow_async" }),
    );

    // Soon with nothing on the agenda: flagged. Past the agreement: the reason shows.
    expect(titled(emptyAgenda.title)).toEqual([expect.objectContaining({ agendaMissing: true })]);
    const planning = (await get(`/api/v1/meetings/${titled(overridden.title)[0]?.id}`)).meeting;
    expect(planning.overrides).toEqual([expect.objectContaining({ reason: overridden.reason })]);

    // The one-to-one: Olivia's private notes are hers; an admin cannot even see the meeting.
    const talk = titled(oneToOne.title)[0]?.id;
    expect((await get(`/api/v1/meetings/${talk}/private-notes`)).privateNotes.body).toBe(
      oneToOne.privateNotes[1]?.body,
    );
    const hannah = await as("hannah@northwind.example");
    expect((await call(env, "GET", `/api/v1/meetings/${talk}`, { as: hannah })).statusCode).toBe(404);

    // Home's "My action items": two open, from the weekly and from planning.
    const { actionItems } = await get("/api/v1/action-items?owner=me&status=open");
    expect(actionItems.map((a: { text: string }) => a.text).sort()).toEqual(
      [weekly.actionItems[0]?.text, overridden.actionItem.text].sort(),
    );
  });

  it("shows check-ins at work: blockers on Home, a pulse trend for five, withheld for four, digests", async () => {
    const { env } = await seeded();
    const as = async (first: string) => {
      const [person] = await env.deps.db
        .select()
        .from(people)
        .where(eq(people.email, `${first}@northwind.example`));
      if (!person) throw new Error(`no demo person ${first}`);
      return signIn(env, person);
    };
    const get = async (url: string, caller: Awaited<ReturnType<typeof as>>) => {
      const res = await call(env, "GET", url, { as: caller });
      expect(res.statusCode, url).toBe(200);
      return res.json();
    };
    const olivia = await as("olivia");
    // Tom is blocked on Olivia's sign-off: on her Home.
    const { blockers } = await get("/api/v1/blockers?assignee=me&status=open", olivia);
    expect(blockers).toEqual([
      expect.objectContaining({ author: expect.objectContaining({ name: "Tom Fletcher" }), status: "open" }),
    ]);
    const arjun = await as("arjun");
    const { checkins } = (await get("/api/v1/checkins", arjun)) as {
      checkins: { id: string; name: string }[];
    };
    const named = (name: string) => checkins.find((c) => c.name === name)?.id;
    // Five people on Platform answer its health check: the weeks they did show an average.
    const health = await get(`/api/v1/checkins/${named("Platform health")}/pulse`, arjun);
    const shown = health.periods.filter((p: { average?: number }) => p.average !== undefined);
    expect(shown.length).toBeGreaterThanOrEqual(2);
    for (const period of shown) expect(period.respondents).toBeGreaterThanOrEqual(5);
    // Product is four people: its standup's mood never shows as a number.
    const marcus = await as("marcus");
    const product = (await get("/api/v1/checkins", marcus)).checkins.find(
      (c: { name: string }) => c.name === "Product standup",
    );
    const productPulse = await get(`/api/v1/checkins/${product.id}/pulse`, marcus);
    expect(productPulse.periods.some((p: { respondents: number }) => p.respondents > 0)).toBe(true);
    expect(productPulse.periods.every((p: { average?: number }) => p.average === undefined)).toBe(true);
    // Closed days have their digest, posted to the team's feed.
    const digest = (await get(`/api/v1/checkins/${named("Daily standup")}/digest`, arjun)).digest;
    expect(digest.dates.length).toBeGreaterThanOrEqual(5);
    const { updates } = await get("/api/v1/updates?kind=checkin_digest", arjun);
    expect(updates.length).toBeGreaterThanOrEqual(5);
  });

  it("shows updates at work: a proposal waiting for Olivia, a decision in the log, a stalled thread, recaps", async () => {
    const { env } = await seeded();
    const [olivia] = await env.deps.db
      .select()
      .from(people)
      .where(eq(people.email, "olivia@northwind.example"));
    if (!olivia) throw new Error("no demo owner");
    const as = await signIn(env, olivia);
    const get = async (url: string) => {
      const res = await call(env, "GET", url, { as });
      expect(res.statusCode, url).toBe(200);
      return res.json();
    };
    type Summary = { id: string; title: string; kind: string; needsMyReply: boolean; unread: boolean };
    const feed = (await get("/api/v1/updates?limit=50")).updates as Summary[];
    const titled = (title: string) => feed.find((u) => u.title === title);
    // The weekly's completed meeting posted its recap to the feed.
    expect(feed.some((u) => u.kind === "recap")).toBe(true);
    // Home's "Needs my reply": the proposal and Hannah's question.
    const waiting = (await get("/api/v1/updates?needsMyReply=true")).updates as Summary[];
    expect(waiting.map((u) => u.title).sort()).toEqual(
      ["Conference budget for the spring", "Move the release train to Wednesdays"].sort(),
    );
    const proposal = (await get(`/api/v1/updates/${titled("Move the release train to Wednesdays")?.id}`))
      .update;
    expect(proposal.tally).toEqual({ agree: 1, disagree: 1, abstain: 0 });
    // Marcus's walkthrough to Product (Olivia is in it): a ready video she can play, two timed comments.
    const walkthrough = (await get(`/api/v1/updates/${titled("Walkthrough: the new onboarding flow")?.id}`))
      .update;
    expect(walkthrough.recording).toMatchObject({
      status: "ready",
      mimeType: "video/webm",
      durationMs: 4000,
    });
    expect(walkthrough.comments.map((c: { atMs: number | null }) => c.atMs)).toEqual([1000, 3000]);
    expect(walkthrough.comments[1].parentId).toBe(walkthrough.comments[0].id);
    const played = await call(env, "GET", walkthrough.recording.mediaUrl, { as });
    expect(played.statusCode).toBe(200);
    expect(played.rawPayload.subarray(0, 4).toString("hex")).toBe("1a45dfa3");
    expect(played.rawPayload.length).toBe(walkthrough.recording.bytes);
    // The decided proposal is in the decision log, closed.
    const { decisions } = await get("/api/v1/decisions?q=tiers");
    expect(decisions).toEqual([
      expect.objectContaining({ source: expect.objectContaining({ type: "update" }) }),
    ]);
    // The CI debate has gone back and forth past the agreement's 12 comments: a meeting is offered.
    const tom = await signIn(
      env,
      (
        await env.deps.db.select().from(people).where(eq(people.email, "tom@northwind.example"))
      )[0] as typeof olivia,
    );
    const platform = await call(env, "GET", "/api/v1/updates?limit=50", { as: tom });
    const ciId = (platform.json().updates as Summary[]).find((u) =>
      u.title.startsWith("Which CI runners"),
    )?.id;
    const ci = (await call(env, "GET", `/api/v1/updates/${ciId}`, { as: tom })).json().update;
    expect(ci.stalled).toEqual(expect.objectContaining({ reason: "long_back_and_forth" }));
    expect(ci.escalation).toEqual(expect.objectContaining({ durationMinutes: expect.any(Number) }));
  });

  it("shows documents at work: versions, a pre-read, an attachment, a draft, and one search over them", async () => {
    const { env } = await seeded();
    const personBy = async (address: string) => {
      const [person] = await env.deps.db.select().from(people).where(eq(people.email, address));
      if (!person) throw new Error(`no demo person ${address}`);
      return signIn(env, person);
    };
    const olivia = await personBy("olivia@northwind.example");
    const get = async (url: string, as = olivia) => {
      const res = await call(env, "GET", url, { as });
      expect(res.statusCode, url).toBe(200);
      return res.json();
    };
    type Doc = { id: string; title: string; version: number };
    const list = (await get("/api/v1/documents")).documents as Doc[];
    const doc = (title: string) => list.find((d) => d.title === title) as Doc;
    expect(list.map((d) => d.title).sort()).toEqual(
      ["How we work across time zones", "Pricing one-pager", "Q1 planning brief", "Release checklist"].sort(),
    );
    // The handbook has two versions whose diff shows Marcus's change, and links resolved to their titles.
    const handbook = (await get(`/api/v1/documents/${doc("How we work across time zones").id}`)).document;
    expect(handbook.version).toBe(2);
    const { diff } = await get(`/api/v1/documents/${handbook.id}/diff?from=1&to=2`);
    expect(diff).toContainEqual({ op: "insert", text: expect.stringContaining("never later") });
    expect(handbook.html).toContain(`href="/docs/${doc("Release checklist").id}"`);
    // The brief is the planning meeting's pre-read; the checklist is attached to the release-train proposal.
    const brief = (await get(`/api/v1/documents/${doc("Q1 planning brief").id}`)).document;
    expect(brief.usedIn).toEqual([expect.objectContaining({ type: "meeting", title: "Quarterly planning" })]);
    const checklist = (await get(`/api/v1/documents/${doc("Release checklist").id}`)).document;
    expect(checklist.usedIn).toEqual([
      expect.objectContaining({ type: "update", title: "Move the release train to Wednesdays" }),
    ]);
    // Olivia's unsaved draft of the pricing page waits for her, and only her.
    const pricing = (await get(`/api/v1/documents/${doc("Pricing one-pager").id}`)).document;
    expect(pricing.draft).toEqual(expect.objectContaining({ baseVersion: 1 }));
    const marcus = await personBy("marcus@northwind.example");
    expect((await get(`/api/v1/documents/${pricing.id}`, marcus)).document.draft).toBeNull();
    // One search finds the document, the proposal and the decision; Hannah (not shared) finds no brief.
    const { results } = await get("/api/v1/search?q=release");
    expect(results.map((r: { type: string }) => r.type)).toEqual(
      expect.arrayContaining(["document", "update"]),
    );
    const hannah = await personBy("hannah@northwind.example");
    expect((await get("/api/v1/search?q=survey%20themes", hannah)).results).not.toContainEqual(
      expect.objectContaining({ title: "Q1 planning brief" }),
    );
    expect((await get("/api/v1/search?q=survey%20themes")).results).toContainEqual(
      expect.objectContaining({ title: "Q1 planning brief" }),
    );
  });

  it("shows insights at work: Olivia's own alerts, Platform's figures and its agreement's effect, Product withheld", async () => {
    const { env } = await seeded();
    const as = async (email: string) => {
      const [person] = await env.deps.db.select().from(people).where(eq(people.email, email));
      if (!person) throw new Error(`no demo person ${email}`);
      return signIn(env, person);
    };
    const olivia = await as("olivia@northwind.example");
    const arjun = await as("arjun@northwind.example");
    const get = async (url: string, caller: typeof olivia) => {
      const res = await call(env, "GET", url, { as: caller });
      expect(res.statusCode, url).toBe(200);
      return res.json();
    };
    // Olivia's own weeks: over the 15-hour budget with no two free hours in a row.
    const mine = await get("/api/v1/insights/me", olivia);
    expect(mine.weeks.length).toBeGreaterThanOrEqual(8);
    expect(mine.alerts.map((a: { kind: string }) => a.kind)).toEqual(
      expect.arrayContaining(["overload", "focus_deficit"]),
    );
    const teams = (await get("/api/v1/teams", olivia)).teams as { id: string; name: string }[];
    const teamId = (name: string) => teams.find((t) => t.name === name)?.id ?? "";
    // Platform (5 people) shows medians; Product (4) is withheld, even from its admin owner.
    const platform = await get(`/api/v1/insights/teams/${teamId("Platform")}`, olivia);
    expect(platform.suppressed).toBe(false);
    expect(platform.weeks.length).toBeGreaterThanOrEqual(8);
    const product = await get(`/api/v1/insights/teams/${teamId("Product")}`, olivia);
    expect(product).toMatchObject({ suppressed: true });
    expect(product.weeks).toBeUndefined();
    // No-meeting Wednesdays raised Platform's focus time; its status round could be written.
    const effect = await get(
      `/api/v1/insights/agreement-effect?teamId=${teamId("Platform")}&of=team&version=1`,
      arjun,
    );
    expect(effect.after.focusHours.median).toBeGreaterThan(effect.before.focusHours.median);
    expect(effect.changeSummary.join(" ")).toContain("No-meeting days");
    const audit = await get(`/api/v1/insights/meeting-audit?teamId=${teamId("Platform")}`, arjun);
    expect(audit.series).toContainEqual(
      expect.objectContaining({ title: "Platform status round", suggestion: "make_async" }),
    );
  });

  it("tells anyone how to sign in to the demo until its owner changes password", async () => {
    const { env, body } = await seeded();
    expect(await demoShown(env)).toEqual({ email: body.person.email, password: body.password });

    await env.deps.db
      .update(people)
      .set({ passwordHash: await hashPassword("a password of their own") })
      .where(eq(people.id, body.person.id));
    expect(await demoShown(env)).toBeNull();
  });

  it("stops showing the demo password once the demo organisation is deleted", async () => {
    const { env, body } = await seeded();
    await env.deps.db.delete(organisations).where(eq(organisations.id, body.organisation.id));
    expect(await demoShown(env)).toBeNull();
  });

  it("shows no demo password on an instance without the demo", async () => {
    const env = await freshEnv();
    envs.push(env);
    expect(await demoShown(env)).toBeNull();
  });
});
