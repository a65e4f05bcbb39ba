import { and, eq, gt, isNull } from "drizzle-orm";
import type { InvitationLinkView } from "../../../contracts/onboarding";
import type { Deps } from "../../deps";
import { randomToken, sha256 } from "../../platform/crypto";
import type { Executor } from "../../platform/db/types";
import { AppError } from "../../platform/errors";
import { recordAudit } from "../audit";
import { queueEmail } from "../outbox";
import { invitations } from "./invitations.table";

/** Who is inviting, and into which organisation: named in the invitation email. */
export interface InvitationSender {
  organisationId: string;
  organisationName: string;
  inviterId: string;
  inviterName: string;
  ip?: string | undefined;
}

export interface Invitee {
  id: string;
  name: string;
  email: string;
  timeZone: string;
}

export const invitationInvalid = () =>
  new AppError(
    "invitation_invalid",
    "This invitation link has expired or was already used; ask an admin for a new invitation",
  );

/** Open invitations only: not yet accepted and not expired. */
export const usableToken = (token: string) =>
  and(
    eq(invitations.tokenHash, sha256(token)),
    isNull(invitations.acceptedAt),
    gt(invitations.expiresAt, new Date()),
  );

/**
 * Creates an invitation with a fresh token (stored as its SHA-256) and queues its email, all
 * with the caller's transaction. The token is only ever in the answer and the email.
 */
export async function createInvitation(
  tx: Executor,
  deps: Pick<Deps, "config" | "jobs">,
  sender: InvitationSender,
  invitee: Invitee,
): Promise<InvitationLinkView> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + deps.config.invitationDays * 86_400_000);
  const [invitation] = await tx
    .insert(invitations)
    .values({
      organisationId: sender.organisationId,
      personId: invitee.id,
      tokenHash: sha256(token),
      invitedBy: sender.inviterId,
      expiresAt,
    })
    .returning({ id: invitations.id });
  if (!invitation) throw new Error("insert returned no row");
  const url = `${deps.config.publicUrl}/invitations/${token}`;
  await queueEmail(tx, deps, {
    organisationId: sender.organisationId,
    to: invitee.email,
    subject: `${sender.inviterName} invited you to ${sender.organisationName} on Tandem`,
    text: invitationText(sender, invitee, url, expiresAt),
  });
  await recordAudit(tx, {
    organisationId: sender.organisationId,
    actorId: sender.inviterId,
    action: "invitation.created",
    targetType: "invitation",
    targetId: invitation.id,
    data: { personId: invitee.id, email: invitee.email },
    ip: sender.ip,
  });
  return { token, url };
}

/** Formatters by zone: building one costs about a millisecond, and an import names few zones. */
const expiryFormats = new Map<string, Intl.DateTimeFormat>();

function expiryFormat(timeZone: string): Intl.DateTimeFormat {
  let format = expiryFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone });
    expiryFormats.set(timeZone, format);
  }
  return format;
}

export function invitationText(
  sender: InvitationSender,
  invitee: Invitee,
  url: string,
  expiresAt: Date,
): string {
  const expiry = expiryFormat(invitee.timeZone).format(expiresAt);
  return [
    `Hello ${invitee.name},`,
    "",
    `${sender.inviterName} invited you to join ${sender.organisationName} on Tandem.`,
    "",
    "Choose your password and time zone here:",
    url,
    "",
    `The link works once and expires on ${expiry} (${invitee.timeZone}).`,
    `If it has expired, ask an admin of ${sender.organisationName} for a new invitation.`,
  ].join("\n");
}
