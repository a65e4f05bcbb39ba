import { addDays, instantToLocal } from "../../../core/time";
import type { Deps } from "../../deps";
import { hashPassword, randomToken } from "../../platform/crypto";
import type { Actor } from "../../platform/http/actor";
import { createWebhook, notify } from "../notifications";
import type { OrganisationRow } from "../organisations";
import { addAbsence, addZoneChange, insertPerson, type PersonRow } from "../people";
import { createOrganisationWithOwner } from "../setup";
import { createTeam, setTeamMembers } from "../teams";
import { rememberDemoSignIn } from "./demo.repo";
import { seedCheckins } from "./demo-checkins";
import {
  DEMO_ABSENCE,
  DEMO_NOTIFICATIONS,
  DEMO_ORGANISATION,
  DEMO_OWNER,
  DEMO_PEOPLE,
  DEMO_TEAMS,
  DEMO_WEBHOOK,
  DEMO_ZONE_CHANGE,
} from "./demo-data";
import { seedDocuments } from "./demo-documents";
import { seedInsights } from "./demo-insights";
import { seedMeetings } from "./demo-meetings";
import { seedUpdates } from "./demo-updates";
import { seedVideo } from "./demo-video";

export interface SeededDemo {
  organisation: OrganisationRow;
  owner: PersonRow;
  /** Shared by every demo person, so one can sign in as any of them. */
  password: string;
  people: number;
  zones: number;
  teams: number;
  meetings: number;
  updates: number;
  documents: number;
  checkins: number;
}

export const demoZones = () => new Set([DEMO_OWNER, ...DEMO_PEOPLE].map((p) => p.timeZone));

/**
 * The demo organisation: people across zones, teams with leads, part-time, compressed and split
 * weeks, an absence and a trip, and meetings (demo-meetings.ts). Run it inside a transaction
 * (deps.db = tx): a failure leaves nothing.
 */
export async function seedDemo(deps: Deps): Promise<SeededDemo> {
  const tx = deps.db;
  const password = randomToken().slice(0, 16);
  const { organisation, person: owner } = await createOrganisationWithOwner(tx, {
    organisation: DEMO_ORGANISATION,
    owner: { ...DEMO_OWNER, password },
  });
  await rememberDemoSignIn(tx, {
    organisationId: organisation.id,
    personId: owner.id,
    password,
    passwordHash: owner.passwordHash ?? "",
  });
  const passwordHash = await hashPassword(password);
  const idOf = new Map([[owner.email, owner.id]]);
  for (const p of DEMO_PEOPLE) {
    const row = await insertPerson(tx, {
      organisationId: organisation.id,
      name: p.name,
      email: p.email,
      role: p.role,
      timeZone: p.timeZone,
      workingPattern: p.week,
      passwordHash,
      active: true,
    });
    idOf.set(row.email, row.id);
  }
  const id = (email: string) => {
    const found = idOf.get(email);
    if (!found) throw new Error(`demo data names ${email}, who is not in it`);
    return found;
  };
  const actor: Actor = { personId: owner.id, organisationId: organisation.id, role: "owner", via: "cli" };
  const teamIdOf = new Map<string, string>();
  for (const team of DEMO_TEAMS) {
    const { id: teamId } = await createTeam(deps, actor, team.name);
    teamIdOf.set(team.name, teamId);
    await setTeamMembers(deps, actor, teamId, [
      ...team.leads.map((email) => ({ personId: id(email), role: "lead" as const })),
      ...team.members.map((email) => ({ personId: id(email), role: "member" as const })),
    ]);
  }
  const today = instantToLocal(DEMO_ORGANISATION.timeZone, Date.now()).date;
  const inDays = (n: number) => addDays(today, n);
  await addAbsence(deps, actor, id(DEMO_ABSENCE.email), {
    start: inDays(DEMO_ABSENCE.inDays),
    end: inDays(DEMO_ABSENCE.inDays + DEMO_ABSENCE.days - 1),
    kind: "vacation",
    reason: DEMO_ABSENCE.reason,
  });
  await addZoneChange(deps, actor, id(DEMO_ZONE_CHANGE.email), {
    from: inDays(DEMO_ZONE_CHANGE.inDays),
    timeZone: DEMO_ZONE_CHANGE.timeZone,
  });
  const { disabledReason, ...webhook } = DEMO_WEBHOOK;
  await createWebhook(deps, actor, webhook, { disabledReason });
  for (const { from, to, ...message } of DEMO_NOTIFICATIONS) {
    await notify(tx, deps, {
      ...message,
      organisationId: organisation.id,
      recipients: to.map(id),
      actorId: from ? id(from) : null,
    });
  }
  const roleOf = new Map(DEMO_PEOPLE.map((p) => [p.email, p.role]));
  const cast = {
    organisationId: organisation.id,
    id,
    actor: (email: string) => ({ ...actor, personId: id(email), role: roleOf.get(email) ?? "owner" }),
    teamId: (name: string) => teamIdOf.get(name) ?? "",
    documentId: (title: string) => documentIdOf.get(title) ?? "",
  };
  const documentIdOf = await seedDocuments(deps, cast);
  const meetings = await seedMeetings(deps, cast);
  const updates = (await seedUpdates(deps, cast)) + (await seedVideo(deps, cast));
  const checkins = await seedCheckins(deps, cast);
  await seedInsights(deps, cast);
  return {
    organisation,
    owner,
    password,
    people: idOf.size,
    zones: demoZones().size,
    teams: DEMO_TEAMS.length,
    meetings,
    updates,
    documents: documentIdOf.size,
    checkins,
  };
}
