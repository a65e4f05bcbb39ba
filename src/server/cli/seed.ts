import type { Command } from "commander";
import { DEMO_ORGANISATION, DEMO_OWNER, DEMO_PEOPLE, DEMO_TEAMS, demoZones, seedDemo } from "../modules/demo";
import { findOrganisations, withServices } from "./context";

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
      await withServices(async (deps) =>
        console.log(
          await deps.db.transaction(async (tx) => {
            const [existing] = await findOrganisations(tx, DEMO_ORGANISATION.name);
            if (existing) {
              return (
                `The demo organisation "${existing.name}" exists already (${existing.id}); nothing to do.\n` +
                `Sign in as ${DEMO_OWNER.email} with the password printed when it was seeded.`
              );
            }
            const seeded = await seedDemo({ ...deps, db: tx });
            return [
              `Seeded "${seeded.organisation.name}" (${seeded.organisation.id}): ${seeded.people} people in ${seeded.zones} time zones, ${seeded.teams} teams, ${seeded.meetings} meetings, ${seeded.updates} updates, ${seeded.documents} documents, ${seeded.checkins} check-ins.`,
              `Sign in as the owner: ${seeded.owner.email}`,
              `Password: ${seeded.password}`,
              "Every demo person has this password, so you can also sign in as them.",
            ].join("\n");
          }),
        ),
      );
    });
}
