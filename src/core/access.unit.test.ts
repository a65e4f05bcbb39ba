import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../contracts/common";
import {
  ACTIONS,
  type Action,
  GRANTABLE,
  grantableRoles,
  holdsRole,
  may,
  mayChangeRole,
  outranks,
  PRIVATE_ACTIONS,
  type Private,
  type Relation,
  rolesFor,
  whoMay,
} from "./access";

const RELATIONS: Relation[] = ["self", "leadOf", "attendeeOf", "authorOf", "recipientOf"];
const ADMINS: Role[] = ["owner", "admin"];
const PEOPLE_ADMINS: Role[] = ["owner", "admin", "hr"];

/**
 * The expected answers, written out by hand rather than read from the map: which roles may do each
 * action on their own, and which relationships grant it to anyone. A change to the map that is not
 * also made here fails, and `Record<Action, …>` makes a new action without a row a type error.
 */
const EXPECTED: Record<Action, { roles: Role[]; relations: Relation[] }> = {
  "people.invite": { roles: PEOPLE_ADMINS, relations: [] },
  "people.import": { roles: PEOPLE_ADMINS, relations: [] },
  "imports.follow": { roles: PEOPLE_ADMINS, relations: [] },
  "invitations.read": { roles: PEOPLE_ADMINS, relations: [] },
  "invitations.send": { roles: PEOPLE_ADMINS, relations: [] },
  "person.edit": { roles: PEOPLE_ADMINS, relations: ["self"] },
  "person.readAbsenceDetails": { roles: PEOPLE_ADMINS, relations: ["self"] },
  "person.export": { roles: PEOPLE_ADMINS, relations: ["self"] },
  "person.requestErasure": { roles: PEOPLE_ADMINS, relations: ["self"] },
  "erasure.immediate": { roles: ADMINS, relations: [] },
  "erasure.cancel": { roles: PEOPLE_ADMINS, relations: ["self", "authorOf"] },
  "roles.change": { roles: ADMINS, relations: [] },
  "teams.create": { roles: ["owner", "admin", "hr", "manager"], relations: [] },
  "team.edit": { roles: PEOPLE_ADMINS, relations: ["leadOf"] },
  "team.tightenAgreement": { roles: ADMINS, relations: ["leadOf"] },
  "calendars.manage": { roles: ADMINS, relations: ["self"] },
  "rotation.delete": { roles: ADMINS, relations: ["authorOf"] },
  "agreement.publish": { roles: PEOPLE_ADMINS, relations: [] },
  "policies.create": { roles: PEOPLE_ADMINS, relations: [] },
  "policies.edit": { roles: PEOPLE_ADMINS, relations: [] },
  "acknowledgements.read": { roles: PEOPLE_ADMINS, relations: [] },
  "acknowledgements.remind": { roles: PEOPLE_ADMINS, relations: [] },
  "audit.read": { roles: ADMINS, relations: [] },
  "organisation.export": { roles: ["owner"], relations: [] },
  "organisation.erase": { roles: ["owner"], relations: [] },
  "outbox.read": { roles: ADMINS, relations: [] },
  "sso.read": { roles: ADMINS, relations: [] },
  "sso.configure": { roles: ADMINS, relations: [] },
  "webhooks.manageOrg": { roles: ADMINS, relations: [] },
  "webhooks.manageTeam": { roles: ADMINS, relations: ["leadOf"] },
  "notifications.readUrgentLog": { roles: PEOPLE_ADMINS, relations: [] },
  "oneOnOne.administer": { roles: PEOPLE_ADMINS, relations: [] },
  "review.administer": { roles: PEOPLE_ADMINS, relations: [] },
  "privateNote.administer": { roles: PEOPLE_ADMINS, relations: [] },
  "pulse.administer": { roles: PEOPLE_ADMINS, relations: [] },
  "pulse.readAggregate": { roles: PEOPLE_ADMINS, relations: ["leadOf", "authorOf", "recipientOf"] },
  "checkin.create": { roles: ADMINS, relations: ["leadOf"] },
  "checkin.manage": { roles: ADMINS, relations: ["leadOf", "authorOf"] },
  "checkin.read": { roles: ADMINS, relations: ["leadOf", "authorOf", "recipientOf"] },
  "privacy.settings": { roles: ADMINS, relations: [] },
  "insights.readTeam": { roles: PEOPLE_ADMINS, relations: ["leadOf"] },
  "insights.readOrganisation": { roles: PEOPLE_ADMINS, relations: [] },
  "insights.readAgreementEffect": { roles: PEOPLE_ADMINS, relations: ["leadOf"] },
  "operations.read": { roles: ADMINS, relations: [] },
  "operations.retryJob": { roles: ADMINS, relations: [] },
  "meetingTemplates.create": { roles: ADMINS, relations: ["leadOf"] },
  // Privacy: never by role.
  "meeting.read": { roles: [], relations: ["authorOf", "attendeeOf"] },
  "update.read": { roles: [], relations: ["authorOf", "recipientOf"] },
  "actionItems.readTeam": { roles: [], relations: ["leadOf"] },
  "update.contribute": { roles: [], relations: ["authorOf", "recipientOf"] },
  "update.edit": { roles: [], relations: ["authorOf"] },
  "update.decide": { roles: [], relations: ["authorOf", "leadOf"] },
  "update.delete": { roles: ["owner", "admin"], relations: ["authorOf"] },
  "document.read": { roles: [], relations: ["authorOf", "recipientOf"] },
  "document.edit": { roles: [], relations: ["authorOf", "recipientOf"] },
  "document.share": { roles: [], relations: ["authorOf"] },
  "document.delete": { roles: ["owner", "admin"], relations: ["authorOf"] },
  "recordings.settings": { roles: ["owner", "admin"], relations: [] },
  "meeting.contribute": { roles: [], relations: ["authorOf", "attendeeOf"] },
  "meeting.organise": { roles: [], relations: ["authorOf"] },
  "meeting.rate": { roles: [], relations: ["attendeeOf"] },
  "meetingLoad.readPersonal": { roles: [], relations: ["self"] },
  "meetingLoad.readTeam": { roles: [], relations: ["leadOf"] },
  "oneOnOne.readNotes": { roles: [], relations: ["attendeeOf"] },
  "review.readNotes": { roles: [], relations: ["authorOf", "self"] },
  "privateNote.read": { roles: [], relations: ["authorOf"] },
  "pulse.readIndividualAnswer": { roles: [], relations: ["self"] },
  "checkin.readDigest": { roles: [], relations: ["leadOf", "authorOf", "recipientOf"] },
  "checkin.readNonRespondents": { roles: [], relations: ["leadOf", "authorOf"] },
  "blockers.readTeam": { roles: [], relations: ["leadOf"] },
  "blocker.resolve": { roles: [], relations: ["self", "authorOf", "leadOf"] },
  "insights.readPersonal": { roles: [], relations: ["self"] },
  "insights.readMeetingAudit": { roles: [], relations: ["leadOf", "authorOf"] },
};

/** `may` with relationship facts given loosely, for the table (the typed API accepts only an action's own). */
const mayWith = (role: Role, action: Action, facts: Partial<Record<Relation, boolean>>) =>
  may({ role }, action, facts as never);

describe("the access map", () => {
  it("has a row here for every action, and only those", () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(ACTIONS)("%s", (action) => {
    const { roles, relations } = EXPECTED[action];

    it.each(ROLES)("as %s, with no relationship: by role only", (role) => {
      expect(may({ role }, action)).toBe(roles.includes(role));
      // Relationships the action does not name grant nothing.
      const others = Object.fromEntries(
        RELATIONS.filter((r) => !relations.includes(r)).map((r) => [r, true]),
      );
      expect(mayWith(role, action, others)).toBe(roles.includes(role));
    });

    it.each(ROLES)("as %s, with each of its relationships: allowed", (role) => {
      for (const relation of relations) expect(mayWith(role, action, { [relation]: true })).toBe(true);
    });

    it("names who may in its refusal", () => {
      expect(whoMay(action)).toMatch(/^Only .+ may .+/);
      expect(rolesFor(action)).toEqual(ROLES.filter((r) => roles.includes(r)));
    });
  });
});

describe("privacy: administering is not reading", () => {
  const reads: [Action, Relation][] = [
    ["oneOnOne.readNotes", "attendeeOf"],
    ["review.readNotes", "authorOf"],
    ["review.readNotes", "self"],
    ["privateNote.read", "authorOf"],
    ["pulse.readIndividualAnswer", "self"],
    ["insights.readPersonal", "self"],
    ["update.read", "recipientOf"],
    ["document.read", "recipientOf"],
    ["document.read", "authorOf"],
  ];

  it.each(reads)("%s: owner, admin and hr cannot read it without the relationship", (action) => {
    for (const role of ROLES) expect(may({ role }, action)).toBe(false);
    // A lead of the person's team is no closer: only the named relationships count.
    expect(mayWith("owner", action, { leadOf: true })).toBe(false);
  });

  it.each(reads)("%s: as %s, anyone may, whatever their role", (action, relation) => {
    for (const role of ROLES) expect(mayWith(role, action, { [relation]: true })).toBe(true);
  });

  it("HR and admins administer one-to-ones, reviews, notes and pulses but read none of their content", () => {
    for (const role of ["owner", "admin", "hr"] as const) {
      expect(may({ role }, "oneOnOne.administer")).toBe(true);
      expect(may({ role }, "oneOnOne.readNotes")).toBe(false);
      expect(may({ role }, "review.administer")).toBe(true);
      expect(may({ role }, "review.readNotes")).toBe(false);
      expect(may({ role }, "privateNote.administer")).toBe(true);
      expect(may({ role }, "privateNote.read")).toBe(false);
      expect(may({ role }, "pulse.readAggregate")).toBe(true);
      expect(may({ role }, "pulse.readIndividualAnswer")).toBe(false);
      expect(may({ role }, "insights.readPersonal")).toBe(false);
    }
  });

  it("lists exactly the private reads, and gives them no roles", () => {
    expect([...PRIVATE_ACTIONS].sort()).toEqual(
      [
        "insights.readPersonal",
        "insights.readMeetingAudit",
        "meeting.contribute",
        "meeting.organise",
        "meeting.rate",
        "meeting.read",
        "meetingLoad.readPersonal",
        "meetingLoad.readTeam",
        "actionItems.readTeam",
        "blocker.resolve",
        "blockers.readTeam",
        "checkin.readDigest",
        "checkin.readNonRespondents",
        "document.edit",
        "document.read",
        "document.share",
        "oneOnOne.readNotes",
        "privateNote.read",
        "pulse.readIndividualAnswer",
        "review.readNotes",
        "update.contribute",
        "update.decide",
        "update.edit",
        "update.read",
      ].sort(),
    );
    for (const action of PRIVATE_ACTIONS) expect(rolesFor(action)).toEqual([]);
  });

  it("does not let a private read carry roles, nor take a relationship it does not name (types)", () => {
    const entry: Private = {
      private: true,
      relations: ["self"],
      // @ts-expect-error a privacy read is granted by relationship only
      roles: ["hr"],
      what: "read something private",
    };
    expect(entry.private).toBe(true);
    // @ts-expect-error a one-to-one's notes are the attendees', not the team lead's
    expect(may({ role: "manager" }, "oneOnOne.readNotes", { leadOf: true })).toBe(false);
  });
});

describe("refusals", () => {
  it("name who may, owners with admins", () => {
    expect(whoMay("policies.create")).toBe("Only owners, admins or HR may create policies");
    expect(whoMay("audit.read")).toBe("Only owners or admins may read the audit log");
    expect(whoMay("calendars.manage")).toBe(
      "Only the person themself, owners or admins may manage this person's calendars",
    );
    expect(whoMay("team.edit")).toBe("Only the team's leads, owners, admins or HR may change this team");
    expect(whoMay("oneOnOne.readNotes")).toBe("Only its attendees may read this one-to-one's notes");
  });
});

describe("roles", () => {
  it("counts an owner as admin", () => {
    expect(holdsRole("owner", ["admin"])).toBe(true);
    expect(holdsRole("admin", ["owner"])).toBe(false);
    expect(holdsRole("hr", ["admin"])).toBe(false);
  });

  it("gives roles: owner any; admin below admin; hr below hr; others none", () => {
    expect(grantableRoles("owner")).toEqual(["owner", "admin", "hr", "manager", "member"]);
    expect(grantableRoles("admin")).toEqual(["hr", "manager", "member"]);
    expect(grantableRoles("hr")).toEqual(["manager", "member"]);
    expect(grantableRoles("manager")).toEqual([]);
    expect(grantableRoles("member")).toEqual([]);
    grantableRoles("owner").pop(); // a copy: the map stays as it is
    expect(GRANTABLE.owner).toHaveLength(5);
  });

  it.each([
    ["owner", "owner", true],
    ["admin", "hr", true],
    ["admin", "admin", false],
    ["admin", "owner", false],
    ["hr", "manager", true],
    ["hr", "hr", false],
    ["hr", "admin", false],
    ["manager", "member", true],
    ["member", "member", false],
  ] as const)("%s outranks %s: %s", (actor, target, expected) => {
    expect(outranks(actor, target)).toBe(expected);
  });

  it.each([
    ["owner", "admin", "owner", true],
    ["admin", "member", "hr", true],
    ["admin", "hr", "admin", false],
    ["admin", "admin", "member", false],
    ["hr", "member", "manager", false],
    ["manager", "member", "manager", false],
  ] as const)("%s changes %s to %s: %s", (actor, from, to, expected) => {
    expect(mayChangeRole(actor, from, to)).toBe(expected);
  });
});
