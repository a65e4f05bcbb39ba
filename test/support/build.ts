import { Readable } from "node:stream";
import type { MeetingKind, Rules } from "../../src/contracts/agreement";
import type { CheckinSchedule, CheckinView, QuestionBody, TemplateId } from "../../src/contracts/checkins";
import type { CreateDocumentBody } from "../../src/contracts/documents";
import type { CreateMeetingBody } from "../../src/contracts/meetings";
import type { AbsenceBody } from "../../src/contracts/people";
import type { VideoType } from "../../src/contracts/recordings";
import type { CreateUpdateBody } from "../../src/contracts/updates";
import type { WeekPattern } from "../../src/contracts/week";
import { askedQuestions } from "../../src/core/checkins";
import { publishAgreement, publishTeamAgreement } from "../../src/server/modules/agreement/agreement.service";
import { createApiToken } from "../../src/server/modules/auth/auth.service";
import { createCalendar } from "../../src/server/modules/calendars/calendars.service";
import { setFocusBlocks } from "../../src/server/modules/calendars/focus.service";
import { createCheckin } from "../../src/server/modules/checkins/checkins.service";
import { checkinOccurrences } from "../../src/server/modules/checkins/checkins.table";
import { createDocument } from "../../src/server/modules/documents/documents.service";
import { insightWeeks } from "../../src/server/modules/insights/insights.table";
import { createMeeting } from "../../src/server/modules/meetings/create.service";
import type { PersonRow } from "../../src/server/modules/people";
import { addAbsence } from "../../src/server/modules/people/time-off.service";
import { createPolicy } from "../../src/server/modules/policies/policies.service";
import { videoKey } from "../../src/server/modules/recordings/keys";
import { recordings } from "../../src/server/modules/recordings/recordings.table";
import { planRotationFor } from "../../src/server/modules/scheduling/rotation.service";
import { createTeam, setTeamMembers } from "../../src/server/modules/teams";
import { createUpdate } from "../../src/server/modules/updates/create.service";
import { actorOf, makeOrg, type TestOrg, type TestPerson } from "./factories";
import type { TestEnv } from "./harness";
import { invite } from "./onboarding";

/**
 * Builders for every entity, each through the service a request would use (so the rows are
 * real: audit, versions, jobs). Each takes what the test is about and builds the rest: without
 * `org` a fresh organisation, without a person that organisation's member (or its admin/hr for
 * what only they may do). Each answers the entity with the organisation it lives in.
 */

const orgOf = async (env: TestEnv, org?: TestOrg) => org ?? (await makeOrg(env));

export async function buildPerson(
  env: TestEnv,
  given: { org?: TestOrg; role?: PersonRow["role"] } & Partial<PersonRow> = {},
) {
  const { org: maybeOrg, role = "member", ...overrides } = given;
  const org = await orgOf(env, maybeOrg);
  return { org, ...(await org.add(role, overrides)) };
}

/** A team named by the test or "Team"; `members` join as members, `lead` as its lead. */
export async function buildTeam(
  env: TestEnv,
  given: { org?: TestOrg; name?: string; members?: TestPerson[]; lead?: TestPerson } = {},
) {
  const org = await orgOf(env, given.org);
  const actor = actorOf(org.admin);
  let team = await createTeam(env.deps, actor, given.name ?? "Team");
  const members = [
    ...(given.lead ? [{ personId: given.lead.person.id, role: "lead" as const }] : []),
    ...(given.members ?? []).map((m) => ({ personId: m.person.id, role: "member" as const })),
  ];
  if (members.length > 0) team = await setTeamMembers(env.deps, actor, team.id, members);
  return { org, team };
}

/** A policy (version 1) created by HR, from `body` or else the named template. */
export async function buildPolicy(
  env: TestEnv,
  given: { org?: TestOrg; title?: string; body?: string; templateId?: string } = {},
) {
  const org = await orgOf(env, given.org);
  const policy = await createPolicy(env.deps, actorOf(org.hr), {
    title: given.title ?? "Policy",
    templateId: given.templateId,
    body: given.body ?? (given.templateId ? undefined : "Be kind to each other."),
  });
  return { org, policy };
}

/** The next version of the organisation's agreement, published by HR with these rules changed. */
export async function buildAgreementVersion(
  env: TestEnv,
  given: { org?: TestOrg; rules?: Partial<Rules>; changeSummary?: string } = {},
) {
  const org = await orgOf(env, given.org);
  const version = await publishAgreement(env.deps, actorOf(org.hr), {
    rules: given.rules ?? {},
    changeSummary: given.changeSummary ?? "A change",
  });
  return { org, version };
}

/** An invitation sent by the admin (or `by`): the invited person, their token and URL. */
export async function buildInvitation(
  env: TestEnv,
  given: { org?: TestOrg; by?: TestPerson; email?: string; role?: PersonRow["role"]; timeZone?: string } = {},
) {
  const { org: maybeOrg, by, ...overrides } = given;
  const org = await orgOf(env, maybeOrg);
  return { org, ...(await invite(env, org, overrides, by)) };
}

/** An API token of `person` (the member by default) and a caller that uses it. */
export async function buildApiToken(
  env: TestEnv,
  given: { org?: TestOrg; person?: TestPerson; name?: string } = {},
) {
  const org = await orgOf(env, given.org);
  const person = given.person ?? org.member;
  const token = await createApiToken(env.deps, actorOf(person), given.name ?? "Test token");
  return { org, person, token, caller: { kind: "token" as const, token: token.token } };
}

export interface Busy {
  start: number;
  end: number;
}

/** An uploaded calendar of `person` (a new member by default) busy at `busy` (epoch ms, UTC). */
export async function buildCalendar(
  env: TestEnv,
  given: { org?: TestOrg; person?: TestPerson; name?: string; busy?: Busy[] } = {},
) {
  const org = await orgOf(env, given.org);
  const person = given.person ?? (await org.add("member"));
  const body = { name: given.name ?? "Work", ics: icsOf(given.busy ?? []) };
  const calendar = await createCalendar(env.deps, actorOf(person), person.person.id, body);
  return { org, person, calendar };
}

/** A VCALENDAR with one event per busy interval, in UTC. */
export function icsOf(busy: Busy[]): string {
  const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, "");
  const events = busy.flatMap((b, i) => [
    "BEGIN:VEVENT",
    `UID:busy-${i}@tandem.test`,
    `DTSTART:${stamp(b.start)}`,
    `DTEND:${stamp(b.end)}`,
    "END:VEVENT",
  ]);
  return ["BEGIN:VCALENDAR", "VERSION:2.0", ...events, "END:VCALENDAR", ""].join("\r\n");
}

/** An absence of `person` (a new member by default) entered by the admin; a vacation by default. */
export async function buildAbsence(
  env: TestEnv,
  given: { org?: TestOrg; person?: TestPerson } & Partial<AbsenceBody> = {},
) {
  const { org: maybeOrg, person: maybePerson, ...body } = given;
  const org = await orgOf(env, maybeOrg);
  const person = maybePerson ?? (await org.add("member"));
  const absence = await addAbsence(env.deps, actorOf(org.admin), person.person.id, {
    start: "2026-12-08",
    end: "2026-12-09",
    kind: "vacation",
    ...body,
  });
  return { org, person, absence };
}

/** `person`'s focus blocks (a new member by default); Tuesday 09:00–11:00 unless `week` is given. */
export async function buildFocusBlocks(
  env: TestEnv,
  given: { org?: TestOrg; person?: TestPerson; week?: WeekPattern } = {},
) {
  const org = await orgOf(env, given.org);
  const person = given.person ?? (await org.add("member"));
  const week = given.week ?? { tue: [{ start: "09:00", end: "11:00" }] };
  const focus = await setFocusBlocks(env.deps, actorOf(person), person.person.id, { week });
  return { org, person, focus };
}

/** A saved weekly rotation planned by `by` (the member by default) for `attendees` (the member). */
export async function buildRotation(
  env: TestEnv,
  given: {
    org?: TestOrg;
    by?: TestPerson;
    attendees?: TestPerson[];
    name?: string;
    durationMinutes?: number;
    occurrences?: number;
    from?: string;
  } = {},
) {
  const org = await orgOf(env, given.org);
  const attendees = given.attendees ?? [org.member];
  const plan = await planRotationFor(env.deps, actorOf(given.by ?? org.member), {
    name: given.name ?? "Rotation",
    attendees: attendees.map((a) => ({ personId: a.person.id })),
    durationMinutes: given.durationMinutes ?? 30,
    occurrences: given.occurrences ?? 2,
    cadence: "weekly",
    from: given.from ?? "2026-12-07T00:00:00Z",
    save: true,
  });
  if (!plan.rotationId) throw new Error("rotation not saved");
  return { org, rotation: { ...plan, id: plan.rotationId } };
}

/** The next day at 10:00 UTC after the app's clock. */
const tomorrowAt10 = (env: TestEnv) => {
  const now = env.deps.clock.now();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 10)).toISOString();
};

/**
 * A meeting created through the service: the member organises, the manager attends, a 30-minute
 * "Discuss" decision meeting tomorrow 10:00 UTC unless given. `override` lets a test pass the
 * agreement's blocking rules (with a reason).
 */
export async function buildMeeting(
  env: TestEnv,
  given: {
    org?: TestOrg;
    organiser?: TestPerson;
    attendees?: TestPerson[];
    kind?: MeetingKind;
    start?: string;
    durationMinutes?: number;
    title?: string;
    override?: { reason: string };
  } & Partial<
    Omit<CreateMeetingBody, "attendees" | "kind" | "start" | "durationMinutes" | "title" | "override">
  > = {},
) {
  const { org: maybeOrg, organiser: maybeOrganiser, attendees: maybeAttendees, ...rest } = given;
  const org = await orgOf(env, maybeOrg);
  const organiser = maybeOrganiser ?? org.member;
  const attendees = maybeAttendees ?? [org.manager];
  const created = await createMeeting(env.deps, actorOf(organiser), {
    ...rest,
    title: given.title ?? "Discuss",
    kind: given.kind ?? "decision",
    start: given.start ?? tomorrowAt10(env),
    durationMinutes: given.durationMinutes ?? 30,
    attendees: attendees.map((a) => ({ personId: a.person.id })),
  });
  return { org, organiser, attendees, ...created };
}

/** A team's agreement override, published by the organisation's admin. */
export async function buildTeamAgreement(
  env: TestEnv,
  given: { org: TestOrg; teamId: string; rules: Parameters<typeof publishTeamAgreement>[3]["rules"] },
) {
  await publishTeamAgreement(env.deps, actorOf(given.org.admin), given.teamId, { rules: given.rules });
  return { org: given.org };
}

/**
 * An update posted through the service: the member posts a status to the whole organisation unless
 * given; `responders` become its required responders.
 */
export async function buildUpdate(
  env: TestEnv,
  given: { org?: TestOrg; author?: TestPerson; responders?: TestPerson[] } & Partial<CreateUpdateBody> = {},
) {
  const { org: maybeOrg, author: maybeAuthor, responders, ...rest } = given;
  const org = await orgOf(env, maybeOrg);
  const author = maybeAuthor ?? org.member;
  const update = await createUpdate(env.deps, actorOf(author), {
    kind: "status",
    title: "Weekly status",
    body: "All good.",
    audience: { organisation: true },
    ...rest,
    ...(responders ? { requiredResponderIds: responders.map((r) => r.person.id) } : {}),
  });
  return { org, author, update };
}

/**
 * A shared document (version 1) written through the service: the member writes it for the whole
 * organisation unless given; `readers` become its named audience instead.
 */
export async function buildDocument(
  env: TestEnv,
  given: { org?: TestOrg; owner?: TestPerson; readers?: TestPerson[] } & Partial<CreateDocumentBody> = {},
) {
  const { org: maybeOrg, owner: maybeOwner, readers, ...rest } = given;
  const org = await orgOf(env, maybeOrg);
  const owner = maybeOwner ?? org.member;
  const document = await createDocument(env.deps, actorOf(owner), {
    title: "Handbook",
    body: "How we work.",
    audience: readers ? { personIds: readers.map((r) => r.person.id) } : { organisation: true },
    ...rest,
  });
  return { org, owner, document };
}

/** Bytes that begin as WebM does (the EBML magic), then a known pattern, so a range can be checked byte by byte. */
export function videoBytes(length = 1000): Buffer {
  const bytes = Buffer.alloc(length, 0);
  for (let i = 0; i < length; i++) bytes[i] = i % 251;
  Buffer.from([0x1a, 0x45, 0xdf, 0xa3]).copy(bytes);
  return bytes;
}

/**
 * A ready recording of `owner` (the member by default): its row and its video file, put in the env's
 * store. Not posted: only its owner reads it until an update points at it.
 */
export async function buildRecording(
  env: TestEnv,
  given: {
    org?: TestOrg;
    owner?: TestPerson;
    bytes?: Buffer;
    mimeType?: VideoType;
    /** What the recorder said it sends; `mimeType` is what its bytes were sniffed as. */
    declaredType?: string;
    createdAt?: Date;
    title?: string;
  } = {},
) {
  const org = await orgOf(env, given.org);
  const owner = given.owner ?? org.member;
  const bytes = given.bytes ?? videoBytes();
  const mimeType = given.mimeType ?? "video/webm";
  const now = env.deps.clock.now();
  const [recording] = await env.deps.db
    .insert(recordings)
    .values({
      organisationId: org.organisation.id,
      ownerId: owner.person.id,
      title: given.title ?? "Walkthrough",
      declaredType: given.declaredType ?? mimeType,
      mimeType,
      status: "ready",
      bytes: bytes.length,
      durationMs: 5000,
      createdAt: given.createdAt ?? now,
      readyAt: given.createdAt ?? now,
    })
    .returning();
  if (!recording) throw new Error("insert returned no row");
  await env.deps.storage.put(videoKey(org.organisation.id, recording.id), Readable.from([bytes]), {
    maxBytes: bytes.length,
    contentType: mimeType,
  });
  return { org, owner, recording };
}

/**
 * A check-in ritual created through the service: the organisation's admin (or `owner`) creates a daily
 * standup from its template for `team` and/or `participants`; given neither, the member is its one
 * participant. Anything else given overrides the template.
 */
export async function buildCheckin(
  env: TestEnv,
  given: {
    org?: TestOrg;
    team?: { id: string };
    participants?: TestPerson[];
    owner?: TestPerson;
    templateId?: TemplateId;
    questions?: QuestionBody[];
    schedule?: CheckinSchedule;
    windowHours?: number;
    reminder?: boolean;
    name?: string;
  } = {},
) {
  const { org: maybeOrg, team, participants, owner, ...rest } = given;
  const org = await orgOf(env, maybeOrg);
  const people = participants ?? (team ? [] : [org.member]);
  const checkin = await createCheckin(env.deps, actorOf(owner ?? org.admin), {
    templateId: "daily_standup",
    ...rest,
    ...(team ? { teamId: team.id } : {}),
    ...(people.length > 0 ? { participantIds: people.map((p) => p.person.id) } : {}),
  });
  return { org, checkin };
}

/**
 * One person's occurrence of a ritual on `localDate`, inserted as the delivery job would (the
 * questions the ritual asks that week), without waiting for its time: delivered an hour ago, late
 * after 12 hours, closing in a day unless `closesAt` is given. Answer it through the answer route.
 */
export async function buildOccurrence(
  env: TestEnv,
  given: { org: TestOrg; checkin: CheckinView; person: TestPerson; localDate: string; closesAt?: Date },
) {
  const now = env.deps.clock.now().getTime();
  const hour = 3_600_000;
  const [occurrence] = await env.deps.db
    .insert(checkinOccurrences)
    .values({
      organisationId: given.org.organisation.id,
      checkinId: given.checkin.id,
      personId: given.person.person.id,
      localDate: given.localDate,
      deliveredAt: new Date(now - hour),
      lateAfter: new Date(now + 12 * hour),
      closesAt: given.closesAt ?? new Date(now + 24 * hour),
      questions: askedQuestions(given.checkin.questions, given.localDate),
    })
    .returning();
  if (!occurrence) throw new Error("insert returned no row");
  return { org: given.org, occurrence };
}

/** Figures of one person-week as the rollup job would store them; what is left out is an ordinary week. */
export type InsightWeekFigures = Partial<
  Omit<typeof insightWeeks.$inferInsert, "organisationId" | "personId">
> & {
  weekStart: string;
};

/**
 * Rollup rows written directly (the read routes' tests; the rollup job has its own tests): each week
 * 10 h of meetings, 12 h of focus and the rest ordinary unless given.
 */
export async function buildInsightWeeks(
  env: TestEnv,
  given: { org: TestOrg; personId: string; weeks: InsightWeekFigures[] },
) {
  const rows = given.weeks.map((week) => ({
    organisationId: given.org.organisation.id,
    personId: given.personId,
    meetingHours: 10,
    focusHours: 12,
    fragmentedHours: 2,
    fragmentCount: 4,
    afterHoursMeetingHours: 0,
    burdenPoints: 0,
    checkinsDue: 0,
    checkinsAnswered: 0,
    focusShortDays: 0,
    workingDays: 5,
    sharedTeamMeetings: 2,
    computedAt: env.deps.clock.now(),
    ...week,
  }));
  await env.deps.db.insert(insightWeeks).values(rows);
  return rows;
}
