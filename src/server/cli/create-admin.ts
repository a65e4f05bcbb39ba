import type { Command } from "commander";
import { type SetupBody, setupBody } from "../../contracts/auth";
import { loadConfig } from "../config";
import type { Deps } from "../deps";
import { recordAudit } from "../modules/audit";
import { assertEmailAvailable, DEFAULT_WEEK, insertPerson } from "../modules/people";
import { createOrganisationWithOwner } from "../modules/setup";
import { hashPassword } from "../platform/crypto";
import { CliError, findOrganisations, isId, withServices } from "./context";

interface Options {
  email: string;
  name: string;
  password?: string;
  org: string;
  timeZone: string;
}

/** Which option (or variable) each field of the setup body comes from, to name it in errors. */
const OPTION_OF: Record<string, string> = {
  "organisation.name": "--org",
  "organisation.timeZone": "--time-zone",
  "owner.name": "--name",
  "owner.email": "--email",
  "owner.password": "--password (or TANDEM_ADMIN_PASSWORD)",
  "owner.timeZone": "--time-zone",
};

export function registerCreateAdmin(program: Command): void {
  program
    .command("create-admin")
    .summary("create an organisation and its owner, or add an admin to one")
    .description(
      "create an organisation with this person as its owner, or, when an organisation of that name " +
        "exists, add them to it as an admin; they can sign in at once",
    )
    .requiredOption("--email <email>", "their email, used to sign in")
    .requiredOption("--name <name>", "their full name")
    .option(
      "--password <password>",
      "their password (at least 10 characters); better: set TANDEM_ADMIN_PASSWORD",
    )
    .requiredOption("--org <name>", "the organisation's name (or id, to add an admin to an existing one)")
    .requiredOption(
      "--time-zone <zone>",
      "their IANA time zone, e.g. Europe/London (also a new organisation's)",
    )
    .addHelpText(
      "after",
      '\nExample:\n  TANDEM_ADMIN_PASSWORD=… tandem create-admin --email ana@example.org --name "Ana Silva" \\\n' +
        '    --org "Acme" --time-zone America/Sao_Paulo',
    )
    .action(async (options: Options) => {
      const config = loadConfig();
      const input = validate(options, config.adminPassword);
      await withServices(async (deps) => console.log(await createAdmin(deps, input, options.org)), config);
    });
}

function validate(options: Options, passwordFromEnv: string | undefined): SetupBody {
  const password = options.password ?? passwordFromEnv;
  if (!password) {
    throw new CliError(
      "Give the password with --password, or in TANDEM_ADMIN_PASSWORD to keep it out of shell history",
    );
  }
  const parsed = setupBody.safeParse({
    organisation: { name: options.org, timeZone: options.timeZone },
    owner: {
      name: options.name,
      email: options.email,
      password,
      timeZone: options.timeZone,
    },
  });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (i) => `  ${OPTION_OF[i.path.join(".")] ?? i.path.join(".")}: ${i.message}`,
  );
  throw new CliError(`Cannot create the admin:\n${[...new Set(problems)].join("\n")}`);
}

async function createAdmin(deps: Deps, input: SetupBody, orgOption: string): Promise<string> {
  return deps.db.transaction(async (tx) => {
    const found = await findOrganisations(tx, orgOption);
    const [existing] = found;
    if (found.length > 1) {
      throw new CliError(`Several organisations are called "${orgOption}"; give the id of one with --org`);
    }
    if (!existing) {
      if (isId(orgOption)) throw new CliError(`No organisation with the id ${orgOption}`);
      const { organisation, person } = await createOrganisationWithOwner(tx, input);
      return `Created the organisation "${organisation.name}" (${organisation.id}) with ${person.email} as its owner.`;
    }
    await assertEmailAvailable(tx, existing.id, input.owner.email);
    const person = await insertPerson(tx, {
      organisationId: existing.id,
      name: input.owner.name,
      email: input.owner.email,
      passwordHash: await hashPassword(input.owner.password),
      role: "admin",
      timeZone: input.owner.timeZone,
      workingPattern: DEFAULT_WEEK,
      active: true,
    });
    await recordAudit(tx, {
      organisationId: existing.id,
      action: "person.created",
      targetType: "person",
      targetId: person.id,
      data: { role: "admin", via: "tandem create-admin" },
    });
    return `Added ${person.email} to "${existing.name}" (${existing.id}) as an admin.`;
  });
}
