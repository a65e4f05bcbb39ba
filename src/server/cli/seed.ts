import type { Command } from "commander";
import { addDays, instantToLocal } from "../../core/time";
import type { Deps } from "../deps";
import { addAbsence, addZoneChange, insertPerson } from "../modules/people";
import { createOrganisationWithOwner } from "../modules/setup";
import { createTeam, setTeamMembers } from "../modules/teams";
import { hashPassword, randomToken } from "../platform/crypto";
import type { Actor } from "../platform/http/actor";
import { CliError, findOrganisations, withServices } from "./context";
import {
  DEMO_ABSENCE,
  DEMO_ORGANISATION,
  DEMO_OWNER,
  DEMO_PEOPLE,
  DEMO_TEAMS,
  DEMO_ZONE_CHANGE,
} from "./demo-data";

export function registerSeed(program: Command): void {
  program
    .command("seed")
    .summary("load the demo organisation (seed --demo)")
    .description(
      `load demo data: the organisation "${DEMO_ORGANISATION.name}" with ${DEMO_PEOPLE.length + 1} people in ` +
        `${demoZones().size} time zones, ${DEMO_TEAMS.length} teams, part-time, compressed and split working ` +
        "weeks, an absence and a trip; prints how to sign in. Does nothing when the demo organisation exists.",
    )
    .requiredOption("--demo", "the demo organisation (the only data set there is)")
    .action(async () => {
      await withServices(async (deps) => console.log(await seedDemo(deps)));
    });
}

/** Everything in one transaction: a failed seed leaves nothing behind, so it can simply be re-run. */
async function seedDemo(deps: Deps): Promise<string> {
  return deps.db.transaction(async (tx) => {
    const [existing] = await findOrganisations(tx, DEMO_ORGANISATION.name);
    if (existing) {
      return (
        `The demo organisation "${existing.name}" exists already (${existing.id}); nothing to do.\n` +
        `Sign in as ${DEMO_OWNER.email} with the password printed when it was seeded.`
      );
    }
    const scoped: Deps = { ...deps, db: tx };
    const password = randomToken().slice(0, 16);
    const { organisation, person: owner } = await createOrganisationWithOwner(tx, {
      organisation: DEMO_ORGANISATION,
      owner: { ...DEMO_OWNER, password },
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
      if (!found) throw new CliError(`demo data names ${email}, who is not in it`);
      return found;
    };
    const actor: Actor = { personId: owner.id, organisationId: organisation.id, role: "owner", via: "cli" };
    for (const team of DEMO_TEAMS) {
      const { id: teamId } = await createTeam(scoped, actor, team.name);
      await setTeamMembers(scoped, actor, teamId, [
        ...team.leads.map((email) => ({ personId: id(email), role: "lead" as const })),
        ...team.members.map((email) => ({ personId: id(email), role: "member" as const })),
      ]);
    }
    const today = instantToLocal(DEMO_ORGANISATION.timeZone, Date.now()).date;
    const inDays = (n: number) => addDays(today, n);
    await addAbsence(scoped, actor, id(DEMO_ABSENCE.email), {
      start: inDays(DEMO_ABSENCE.inDays),
      end: inDays(DEMO_ABSENCE.inDays + DEMO_ABSENCE.days - 1),
      kind: "vacation",
      reason: DEMO_ABSENCE.reason,
    });
    await addZoneChange(scoped, actor, id(DEMO_ZONE_CHANGE.email), {
      from: inDays(DEMO_ZONE_CHANGE.inDays),
      timeZone: DEMO_ZONE_CHANGE.timeZone,
    });
    return [
      `Seeded "${organisation.name}" (${organisation.id}): ${idOf.size} people in ${demoZones().size} time zones, ${DEMO_TEAMS.length} teams.`,
      `Sign in as the owner: ${owner.email}`,
      `Password: ${password}`,
      "Every demo person has this password, so you can also sign in as them.",
    ].join("\n");
  });
}

const demoZones = () => new Set([DEMO_OWNER, ...DEMO_PEOPLE].map((p) => p.timeZone));
