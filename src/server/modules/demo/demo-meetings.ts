import type { CreateMeetingBody } from "../../../contracts/meetings";
import { addDays, instantToLocal, localToInstant, parseTimeOfDay, weekdayOfDate } from "../../../core/time";
import type { Deps } from "../../deps";
import type { Actor } from "../../platform/http/actor";
import {
  addActionItem,
  addAgendaItem,
  addDecision,
  answerMeeting,
  BUILT_IN_TEMPLATES,
  completeMeeting,
  createMeeting,
  rateMeeting,
  saveNotes,
  savePrivateNotes,
  updateActionItem,
  updateAgendaItem,
} from "../meetings";
import { DEMO_MEETINGS, DEMO_ORGANISATION } from "./demo-data";

export interface DemoCast {
  organisationId: string;
  /** The signed-in actor of the demo person with this email. */
  actor(email: string): Actor;
  id(email: string): string;
  teamId(name: string): string;
  /** A demo document's id by its title (seeded first, so meetings and updates can use them). */
  documentId(title: string): string;
}

const ZONE = DEMO_ORGANISATION.timeZone;
const template = (name: string) => {
  const found = BUILT_IN_TEMPLATES.find((t) => t.name === name);
  if (!found) throw new Error(`demo data names the template "${name}", which is not built in`);
  return found.id;
};
const HOUR_MS = 3_600_000;

/** Dates and times counted from now in the organisation's zone. */
function calendarFrom(now: number) {
  const today = instantToLocal(ZONE, now).date;
  const at = (date: string, time: string) =>
    new Date(localToInstant(ZONE, date, parseTimeOfDay(time) ?? 0)).toISOString();
  /** The n-th working day (Monday to Friday) after today. */
  const workday = (n: number) => {
    let date = today;
    for (let left = n; left > 0; ) {
      date = addDays(date, 1);
      if (!["sat", "sun"].includes(weekdayOfDate(date))) left -= 1;
    }
    return date;
  };
  /** Today at 16:00 if that is half an hour off or more, else tomorrow at 10:00: always within 24 hours. */
  const soon = () => {
    const later = at(today, "16:00");
    return Date.parse(later) - now >= HOUR_MS / 2 ? later : at(addDays(today, 1), "10:00");
  };
  return { today, at, workday, soon };
}

/**
 * The demo's meetings, through the meetings services as their people would make them: a weekly series
 * whose last meeting was completed (items covered, decisions, action items, notes, a recap, three
 * ratings) and whose next one shows what carried forward and a follow-async answer; a one-to-one with
 * private notes; a meeting soon with an empty agenda; one past the agreement with a reason.
 */
export async function seedMeetings(deps: Deps, cast: DemoCast): Promise<number> {
  const when = calendarFrom(deps.clock.now().getTime());
  const create = (organiser: string, body: CreateMeetingBody) =>
    createMeeting(deps, cast.actor(organiser), body).then((created) => created.meeting);
  const attendees = (emails: string[]) => emails.map((e) => ({ personId: cast.id(e) }));

  const w = DEMO_MEETINGS.weekly;
  const next = when.workday(1);
  const last = await create(w.organiser, {
    title: w.title,
    kind: w.kind,
    start: when.at(addDays(next, -7), w.at),
    durationMinutes: w.minutes,
    attendees: attendees(w.attendees),
    teamId: cast.teamId(w.team),
    recurrence: { frequency: "weekly", count: w.count },
    templateId: template(w.template),
  });
  await seedPastWeekly(deps, cast, last, when.workday);
  for (const { by, response } of w.rsvps)
    await answerMeeting(deps, cast.actor(by), last.series?.nextId ?? "", response);

  const o = DEMO_MEETINGS.oneToOne;
  const oneToOne = await create(o.organiser, {
    title: o.title,
    kind: o.kind,
    start: when.at(when.workday(o.workdays), o.at),
    durationMinutes: o.minutes,
    attendees: attendees(o.attendees),
    templateId: template(o.template),
  });
  for (const { by, body } of o.privateNotes) await savePrivateNotes(deps, cast.actor(by), oneToOne.id, body);

  const e = DEMO_MEETINGS.emptyAgenda;
  await create(e.organiser, {
    title: e.title,
    kind: e.kind,
    start: when.soon(),
    durationMinutes: e.minutes,
    attendees: attendees(e.attendees),
  });

  const p = DEMO_MEETINGS.overridden;
  const planning = await create(p.organiser, {
    title: p.title,
    kind: p.kind,
    start: when.at(when.workday(p.workdays), p.at),
    durationMinutes: p.minutes,
    attendees: attendees(p.attendees),
    templateId: template(p.template),
    preReadDocumentIds: [cast.documentId(p.preRead)],
    override: { reason: p.reason },
  });
  await addActionItem(deps, cast.actor(p.organiser), planning.id, {
    text: p.actionItem.text,
    ownerId: cast.id(p.organiser),
    due: when.workday(p.actionItem.dueInWorkdays),
  });
  return w.count + 3;
}

/** The weekly's past meeting as its organiser ran it, then completed and rated. */
async function seedPastWeekly(
  deps: Deps,
  cast: DemoCast,
  meeting: Awaited<ReturnType<typeof createMeeting>>["meeting"],
  workday: (n: number) => string,
) {
  const w = DEMO_MEETINGS.weekly;
  const organiser = cast.actor(w.organiser);
  const itemId = (title: string) => meeting.agenda.find((i) => i.title === title)?.id ?? "";
  for (const title of w.covered)
    await updateAgendaItem(deps, organiser, itemId(title), { status: "covered" });
  await addAgendaItem(deps, organiser, meeting.id, { title: w.extraItem, outcome: "discuss" });
  await saveNotes(deps, organiser, meeting.id, { body: w.notes, baseVersion: meeting.notes.version });
  for (const d of w.decisions)
    await addDecision(deps, organiser, meeting.id, {
      text: d.text,
      ...(d.item ? { agendaItemId: itemId(d.item) } : {}),
    });
  for (const a of w.actionItems) {
    const item = await addActionItem(deps, organiser, meeting.id, {
      text: a.text,
      ownerId: cast.id(a.owner),
      due: workday(a.dueInWorkdays),
    });
    if (a.done) await updateActionItem(deps, cast.actor(a.owner), item.id, { status: "done" });
  }
  await completeMeeting(deps, organiser, meeting.id);
  for (const { by, ...answer } of w.ratings) await rateMeeting(deps, cast.actor(by), meeting.id, answer);
}
