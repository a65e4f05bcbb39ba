import type { SetupBody } from "../../../contracts/auth";
import type { Deps } from "../../deps";
import { hashPassword } from "../../platform/crypto";
import { LOCKS, lockForTransaction } from "../../platform/db/lock";
import type { Executor } from "../../platform/db/types";
import { AppError } from "../../platform/errors";
import { createDefaultAgreement } from "../agreement";
import { recordAudit } from "../audit";
import { createSession } from "../auth";
import { countOrganisations, insertOrganisation } from "../organisations";
import { DEFAULT_WEEK, insertPerson } from "../people";

/**
 * Creates an organisation and its first owner. The one path used by the setup route, the CLI
 * (create-admin, seed) and test factories.
 */
export async function createOrganisationWithOwner(executor: Executor, input: SetupBody) {
  const organisation = await insertOrganisation(executor, input.organisation);
  const person = await insertPerson(executor, {
    organisationId: organisation.id,
    name: input.owner.name,
    email: input.owner.email,
    passwordHash: await hashPassword(input.owner.password),
    role: "owner",
    timeZone: input.owner.timeZone,
    workingPattern: DEFAULT_WEEK,
    active: true,
  });
  await createDefaultAgreement(executor, organisation.id, person.id);
  await recordAudit(executor, {
    organisationId: organisation.id,
    actorId: person.id,
    action: "organisation.created",
    targetType: "organisation",
    targetId: organisation.id,
  });
  return { organisation, person };
}

/** Setup is open while no organisation exists, or always with TANDEM_OPEN_SIGNUP. Call inside the setup transaction. */
export async function assertSetupOpen(executor: Executor, openSignup: boolean): Promise<void> {
  // Two first-run requests at once must not both find the instance empty.
  if (!openSignup) await lockForTransaction(executor, LOCKS.firstRun);
  if (!openSignup && (await countOrganisations(executor)) > 0) {
    throw new AppError(
      "setup_closed",
      "Tandem is already set up; sign in, or ask an admin for an invitation",
    );
  }
}

/** First-run setup: the organisation, its owner, and a session for them. */
export async function setup(deps: Deps, input: SetupBody) {
  return deps.db.transaction(async (tx) => {
    await assertSetupOpen(tx, deps.config.openSignup);
    const created = await createOrganisationWithOwner(tx, input);
    const session = await createSession(tx, created.person, deps.config.sessionDays);
    return { ...created, session };
  });
}
