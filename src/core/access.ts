import { ROLES, type Role } from "../contracts/common";

/**
 * The one access map: for each action on each kind of object, which roles and which relationships
 * may do it. Server policies (`authorize` in platform/http/actor.ts) and the web's
 * `lib/permissions.ts` both read it; a role list written anywhere else is a bug.
 *
 * Roles: an owner counts as an admin everywhere (`holdsRole`). Relationships are facts the caller
 * establishes about this subject and this object (the server from the database, the web from what
 * it loaded): `self` — the object is the subject's own (their profile, calendars, answers,
 * insights, the review about them); `leadOf` — a lead of the object's team; `attendeeOf` — an
 * attendee of the meeting; `authorOf` — whoever wrote or saved it; `recipientOf` — someone an update is
 * addressed to (its organisation, a member of its team, named, or a required responder).
 */
export type Relation = "self" | "leadOf" | "attendeeOf" | "authorOf" | "recipientOf";

/** An action some roles may do, and perhaps some relationships too. */
export interface ByRole {
  roles: readonly [Role, ...Role[]];
  relations?: readonly Relation[];
  /** What the action is, for refusals: "Only admins or HR may <what>". */
  what: string;
}

/**
 * Reading private content: the privacy rules. HR and admins administer one-to-ones, reviews,
 * private notes and pulse surveys (the `*.administer` actions of BY_ROLE) but cannot read what is
 * in them, and personal insights are the person's alone. These entries have no `roles` at all —
 * `roles?: never` makes giving one a type error, and `may` never looks at a role for them — so a
 * privacy read is granted only by a relationship, never by rank. A new module's content read of
 * private material belongs here, not in BY_ROLE.
 */
export interface Private {
  private: true;
  relations: readonly [Relation, ...Relation[]];
  roles?: never;
  what: string;
}

const PEOPLE_ADMINS = ["admin", "hr"] as const;
const ADMINS = ["admin"] as const;

const BY_ROLE = {
  // People and onboarding
  "people.invite": { roles: PEOPLE_ADMINS, what: "invite people" },
  "people.import": { roles: PEOPLE_ADMINS, what: "import people" },
  "imports.follow": { roles: PEOPLE_ADMINS, what: "follow imports" },
  "invitations.read": { roles: PEOPLE_ADMINS, what: "see invitations" },
  "invitations.send": { roles: PEOPLE_ADMINS, what: "send invitations" },
  "person.edit": { roles: PEOPLE_ADMINS, relations: ["self"], what: "change this profile" },
  /** Download everything Tandem holds about a person (GDPR art. 15/20): themself, or HR and admins on their request. */
  "person.export": { roles: PEOPLE_ADMINS, relations: ["self"], what: "export this person's data" },
  /** Erase a person's data after 30 days (GDPR art. 17): themself, or HR and admins (who outrank them). */
  "person.requestErasure": {
    roles: PEOPLE_ADMINS,
    relations: ["self"],
    what: "ask for this person's data to be erased",
  },
  /** Cut the grace period short (never for one's own data). */
  "erasure.immediate": { roles: ADMINS, what: "erase a person's data without the grace period" },
  /** Cancel during the grace period: the person, whoever asked (`authorOf`), HR or admins. */
  "erasure.cancel": { roles: PEOPLE_ADMINS, relations: ["self", "authorOf"], what: "cancel this erasure" },
  "person.readAbsenceDetails": {
    roles: PEOPLE_ADMINS,
    relations: ["self"],
    what: "see the kind and reason of this person's absences",
  },
  /** Further limited by GRANTABLE and rank (`mayChangeRole`); nobody changes their own. */
  "roles.change": { roles: ADMINS, what: "change roles" },
  // Teams
  "teams.create": { roles: ["admin", "hr", "manager"], what: "create teams" },
  "team.edit": { roles: PEOPLE_ADMINS, relations: ["leadOf"], what: "change this team" },
  /** A team's agreement override (issue 4): its leads and admins, not hr. */
  "team.tightenAgreement": { roles: ADMINS, relations: ["leadOf"], what: "change this team's agreement" },
  // Calendars and scheduling
  "calendars.manage": { roles: ADMINS, relations: ["self"], what: "manage this person's calendars" },
  "rotation.delete": { roles: ADMINS, relations: ["authorOf"], what: "delete this rotation" },
  // Agreement and policies
  "agreement.publish": { roles: PEOPLE_ADMINS, what: "publish the agreement" },
  "policies.create": { roles: PEOPLE_ADMINS, what: "create policies" },
  "policies.edit": { roles: PEOPLE_ADMINS, what: "edit policies" },
  "acknowledgements.read": { roles: PEOPLE_ADMINS, what: "see acknowledgement compliance" },
  "acknowledgements.remind": { roles: PEOPLE_ADMINS, what: "send acknowledgement reminders" },
  // Administration
  "audit.read": { roles: ADMINS, what: "read the audit log" },
  /** Every table and file of the organisation: owners only (not admins). */
  "organisation.export": { roles: ["owner"], what: "export the organisation's data" },
  /** Delete the organisation and everything in it, after 30 days: owners only (not admins). */
  "organisation.erase": { roles: ["owner"], what: "delete the organisation" },
  "outbox.read": { roles: ADMINS, what: "read the outbox" },
  // Single sign-on (issue 17)
  "sso.read": { roles: ADMINS, what: "see the single sign-on settings" },
  "sso.configure": { roles: ADMINS, what: "change the single sign-on settings" },
  "notifications.readUrgentLog": { roles: PEOPLE_ADMINS, what: "read the urgent notifications log" },
  // Webhooks (issue 10): the organisation's by admins, a team's also by its leads
  "webhooks.manageOrg": { roles: ADMINS, what: "manage the organisation's webhooks" },
  "webhooks.manageTeam": { roles: ADMINS, relations: ["leadOf"], what: "manage this team's webhooks" },
  // Coming modules: administering without reading (see PRIVATE for the reads)
  "oneOnOne.administer": {
    roles: PEOPLE_ADMINS,
    what: "administer one-to-ones (see that they exist, delete one on request)",
  },
  "review.administer": {
    roles: PEOPLE_ADMINS,
    what: "administer performance reviews (run a cycle, see who is done, delete one on request)",
  },
  "privateNote.administer": {
    roles: PEOPLE_ADMINS,
    what: "administer private notes (delete a person's notes on request)",
  },
  // Meetings (issue 11)
  "meetingTemplates.create": { roles: ADMINS, relations: ["leadOf"], what: "save meeting templates" },
  // Updates (issue 12): admins remove any update (moderation) without reading it
  "update.delete": { roles: ADMINS, relations: ["authorOf"], what: "delete this update" },
  // Documents (issue 13): admins remove any document (moderation) without reading it
  "document.delete": { roles: ADMINS, relations: ["authorOf"], what: "delete this document" },
  // Recordings (issue 14): how long video files are kept
  "recordings.settings": { roles: ADMINS, what: "change how long recordings are kept" },
  "pulse.administer": { roles: PEOPLE_ADMINS, what: "run pulse surveys" },
  /**
   * Team pulse trends, and only at or above the organisation's minimum group size (issue 15): HR,
   * admins, the ritual's leads and owner, and its participants. Never an individual answer.
   */
  "pulse.readAggregate": {
    roles: PEOPLE_ADMINS,
    relations: ["leadOf", "authorOf", "recipientOf"],
    what: "see this team's pulse results",
  },
  // Check-ins (issue 15): a lead for their team, admins for anyone; `recipientOf` is a participant
  "checkin.create": { roles: ADMINS, relations: ["leadOf"], what: "create check-ins for this team" },
  "checkin.manage": {
    roles: ADMINS,
    relations: ["leadOf", "authorOf"],
    what: "change or delete this check-in",
  },
  "checkin.read": {
    roles: ADMINS,
    relations: ["leadOf", "authorOf", "recipientOf"],
    what: "see this check-in",
  },
  /** The minimum group sizes for aggregates: raised only, by admins. */
  "privacy.settings": { roles: ADMINS, what: "change the organisation's privacy thresholds" },
  // Insights (issue 16): only aggregates over groups at or above the minimum size, never one person's
  "insights.readTeam": { roles: PEOPLE_ADMINS, relations: ["leadOf"], what: "see this team's insights" },
  "insights.readOrganisation": { roles: PEOPLE_ADMINS, what: "see the organisation's insights" },
  /** Before and after an agreement version: the team's leads, or HR and admins. */
  "insights.readAgreementEffect": {
    roles: PEOPLE_ADMINS,
    relations: ["leadOf"],
    what: "see the effect of this agreement",
  },
  // Operations (issue 17): the instance's health, and running a failed job again
  "operations.read": { roles: ADMINS, what: "see the operations page" },
  "operations.retryJob": { roles: ADMINS, what: "retry failed jobs" },
} as const satisfies Record<string, ByRole>;

const PRIVATE = {
  /**
   * Meetings are visible to their organiser (`authorOf`) and attendees only; everyone else, HR and
   * admins included, is answered 404. For one-to-ones and reviews this is also `oneOnOne.readNotes`.
   */
  "meeting.read": { private: true, relations: ["authorOf", "attendeeOf"], what: "see this meeting" },
  /** Agenda, shared notes, decisions and action items. */
  "meeting.contribute": {
    private: true,
    relations: ["authorOf", "attendeeOf"],
    what: "add to this meeting's agenda, notes and outcomes",
  },
  /** Change the time, people or details; cancel; complete. */
  "meeting.organise": {
    private: true,
    relations: ["authorOf"],
    what: "change, cancel or complete this meeting",
  },
  /** "Worth it?" answers: attendees only, after the end. */
  "meeting.rate": { private: true, relations: ["attendeeOf"], what: "rate this meeting" },
  /** A person's own meeting load; their leads see team aggregates only (`meetingLoad.readTeam`). */
  "meetingLoad.readPersonal": { private: true, relations: ["self"], what: "see this person's meeting load" },
  "meetingLoad.readTeam": { private: true, relations: ["leadOf"], what: "see this team's meeting load" },
  /** A team's action items from its meetings and the threads addressed to it (never a one-to-one's). */
  "actionItems.readTeam": { private: true, relations: ["leadOf"], what: "see this team's action items" },
  /**
   * Updates are read by their author and the people they are addressed to; no role reads an update
   * addressed to others (one written to named people is a conversation), so others get 404.
   */
  "update.read": { private: true, relations: ["authorOf", "recipientOf"], what: "see this update" },
  /** Comment, react, acknowledge, answer a proposal, add an action item, escalate. */
  "update.contribute": {
    private: true,
    relations: ["authorOf", "recipientOf"],
    what: "comment on or answer this update",
  },
  "update.edit": { private: true, relations: ["authorOf"], what: "edit this update" },
  /** The author, or a lead of the team it is addressed to (or of the author's team). */
  "update.decide": {
    private: true,
    relations: ["authorOf", "leadOf"],
    what: "record this thread's decision",
  },
  /**
   * Documents are read by their owner (`authorOf`) and the people they are shared with
   * (`recipientOf`: the organisation, a member of its team, or named); no role reads more.
   */
  "document.read": { private: true, relations: ["authorOf", "recipientOf"], what: "see this document" },
  /** Shared documents are edited by everyone they are shared with; each save is a version. */
  "document.edit": { private: true, relations: ["authorOf", "recipientOf"], what: "edit this document" },
  /** Who a document is for changes only by its owner (an editor could otherwise share it onwards). */
  "document.share": { private: true, relations: ["authorOf"], what: "change who this document is for" },
  "oneOnOne.readNotes": { private: true, relations: ["attendeeOf"], what: "read this one-to-one's notes" },
  "review.readNotes": {
    private: true,
    relations: ["authorOf", "self"],
    what: "read this performance review's notes",
  },
  "privateNote.read": { private: true, relations: ["authorOf"], what: "read this private note" },
  "pulse.readIndividualAnswer": {
    private: true,
    relations: ["self"],
    what: "read an individual pulse answer",
  },
  /** A ritual's answers (text, scale, yes/no, blockers; pulse only as thresholded aggregates). */
  "checkin.readDigest": {
    private: true,
    relations: ["leadOf", "authorOf", "recipientOf"],
    what: "read this check-in's answers",
  },
  /** Who has not answered: the people who run the ritual, never its team or HR. */
  "checkin.readNonRespondents": {
    private: true,
    relations: ["leadOf", "authorOf"],
    what: "see who has not answered this check-in",
  },
  /** A team's open blockers: its leads. */
  "blockers.readTeam": { private: true, relations: ["leadOf"], what: "see this team's blockers" },
  /** The person named to unblock (`self`), its author, or a lead of the ritual's team. */
  "blocker.resolve": {
    private: true,
    relations: ["self", "authorOf", "leadOf"],
    what: "resolve this blocker",
  },
  "insights.readPersonal": { private: true, relations: ["self"], what: "see these personal insights" },
  /**
   * A team's recurring meetings (cost, ratings, a suggestion): its leads, and each organiser for their
   * own series. Meeting titles are read by attendees only, so no role sees more (one-to-ones and
   * reviews are never audited).
   */
  "insights.readMeetingAudit": {
    private: true,
    relations: ["leadOf", "authorOf"],
    what: "see this meeting audit",
  },
} as const satisfies Record<string, Private>;

/** An action is either by role or private, never both (a duplicate name is a type error here). */
type Disjoint = Extract<keyof typeof BY_ROLE, keyof typeof PRIVATE> extends never ? true : never;
const disjoint: Disjoint = true;
void disjoint;

export const ACCESS = { ...BY_ROLE, ...PRIVATE };
export type Action = keyof typeof ACCESS;
export type PrivateAction = keyof typeof PRIVATE;
export const ACTIONS = Object.keys(ACCESS) as Action[];
export const PRIVATE_ACTIONS = Object.keys(PRIVATE) as PrivateAction[];

type RelationsOf<A extends Action> = (typeof ACCESS)[A] extends { relations: readonly (infer R)[] }
  ? R
  : never;
/** The relationship facts an action may use, each true when it holds: `{ self: viewer.id === personId }`. */
export type Facts<A extends Action> = { [R in RelationsOf<A> & Relation]?: boolean };

/** Whether `role` is one of `roles` (an owner counts as admin). */
export const holdsRole = (role: Role, roles: readonly Role[]): boolean =>
  roles.includes(role) || (role === "owner" && roles.includes("admin"));

/** Whether `subject` may do `action`, given the relationships that hold. */
export function may<A extends Action>(subject: { role: Role }, action: A, facts?: Facts<A>): boolean {
  const rule: ByRole | Private = ACCESS[action];
  const related = (rule.relations ?? []).some((r) => (facts as Partial<Record<Relation, boolean>>)?.[r]);
  if (related) return true;
  if ("private" in rule) return false; // never by role
  return holdsRole(subject.role, rule.roles);
}

/**
 * Every role that may do `action` without a relationship, owners included where admins are (none
 * for a private read): for refusals, live-event audiences and queries such as "the admins to tell".
 */
export const rolesFor = (action: Action): Role[] => {
  const rule: ByRole | Private = ACCESS[action];
  return ROLES.filter((role) => holdsRole(role, rule.roles ?? []));
};

const ROLE_WORDS: Record<Role, string> = {
  owner: "owners",
  admin: "admins",
  hr: "HR",
  manager: "managers",
  member: "members",
};
const RELATION_WORDS: Record<Relation, string> = {
  self: "the person themself",
  leadOf: "the team's leads",
  attendeeOf: "its attendees",
  authorOf: "its author",
  recipientOf: "the people it is addressed to",
};

/** The refusal for `action`, naming who may: "Only owners, admins or HR may create policies". */
export function whoMay(action: Action): string {
  const rule: ByRole | Private = ACCESS[action];
  const who = [
    ...(rule.relations ?? []).map((r) => RELATION_WORDS[r]),
    ...rolesFor(action).map((r) => ROLE_WORDS[r]),
  ];
  const list = who.length > 1 ? `${who.slice(0, -1).join(", ")} or ${who.at(-1)}` : (who[0] ?? "nobody");
  return `Only ${list} may ${rule.what}`;
}

/** Roles each role may give to a new or existing person: owner any; admin below admin; hr below hr. */
export const GRANTABLE: Record<Role, readonly Role[]> = {
  owner: ["owner", "admin", "hr", "manager", "member"],
  admin: ["hr", "manager", "member"],
  hr: ["manager", "member"],
  manager: [],
  member: [],
};

export const grantableRoles = (role: Role): Role[] => [...GRANTABLE[role]];

const RANK: Record<Role, number> = { member: 0, manager: 1, hr: 2, admin: 3, owner: 4 };

/**
 * Whether `actor` outranks `target`, so may change their sign-in email, role or status: an owner
 * anyone; otherwise only a lower rank (hr cannot touch an admin, an admin not another admin).
 */
export const outranks = (actor: Role, target: Role): boolean =>
  actor === "owner" || RANK[actor] > RANK[target];

/**
 * Changing someone else's role from `from` to `to`: owner any; an admin only between the roles
 * an admin may give (hr, manager, member). Nobody changes their own (the caller checks `self`).
 */
export const mayChangeRole = (actor: Role, from: Role, to: Role): boolean =>
  actor === "owner" ||
  (may({ role: actor }, "roles.change") && GRANTABLE[actor].includes(from) && GRANTABLE[actor].includes(to));
