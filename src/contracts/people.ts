import { z } from "zod";
import { checkWindow, email, instant, localDate, name, role, text, timeZone, uuid } from "./common";
import { WEEKDAYS } from "./week";

const hhmm = text().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "must be a time HH:MM");
export const localInterval = z.strictObject({ start: hhmm, end: hhmm });
export const week = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(localInterval).max(12).optional()])) as Record<
    (typeof WEEKDAYS)[number],
    z.ZodOptional<z.ZodArray<typeof localInterval>>
  >,
);
export const workingPatternBody = z.strictObject({ timeZone: timeZone.optional(), week });

export const createPersonBody = z.strictObject({
  name,
  email,
  role,
  timeZone,
  teamIds: z.array(uuid).max(100).optional(),
  managerId: uuid.optional(),
});
export type CreatePersonBody = z.infer<typeof createPersonBody>;

/** How a person reads times; null: as their browser does. */
export const clockFormat = z.enum(["12h", "24h"]);

export const updatePersonBody = z.strictObject({
  name: name.optional(),
  email: email.optional(),
  role: role.optional(),
  timeZone: timeZone.optional(),
  managerId: uuid.nullable().optional(),
  clockFormat: clockFormat.nullable().optional(),
});
export type UpdatePersonBody = z.infer<typeof updatePersonBody>;

export const listPeopleQuery = z.strictObject({
  q: text().max(200).optional(),
  teamId: uuid.optional(),
  cursor: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

const ABSENCE_KINDS = ["vacation", "sick", "personal", "other"] as const;

export const absenceBody = z.strictObject({
  start: z.union([instant, localDate]),
  end: z.union([instant, localDate]),
  kind: z.enum(ABSENCE_KINDS).optional(),
  reason: text().max(500, "must be at most 500 characters").optional(),
});
export type AbsenceBody = z.infer<typeof absenceBody>;

export const zoneChangeBody = z.strictObject({ from: localDate, timeZone });

export const personParams = z.strictObject({ id: uuid });
export const absenceParams = z.strictObject({ id: uuid, absenceId: uuid });
export const zoneChangeParams = z.strictObject({ id: uuid, zoneChangeId: uuid });
/** `?from&to` of a person's busy or working time: at most 62 days. */
export const windowQuery = z
  .strictObject({ from: instant, to: instant })
  .superRefine((query, ctx) => checkWindow(query, 62, ctx));

/** How a person reads times; null: as their browser does. */
export type ClockFormat = z.infer<typeof clockFormat>;

const localIntervalView = z.object({ start: z.string(), end: z.string() });
/** A weekly pattern as stored: a missing day has no spans. */
export const weekPatternView = z.object(
  Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(localIntervalView).optional()])) as Record<
    (typeof WEEKDAYS)[number],
    z.ZodOptional<z.ZodArray<typeof localIntervalView>>
  >,
);

/** The public shape of a person: never the password hash. */
export const personView = z.object({
  id: z.string(),
  organisationId: z.string(),
  name: z.string(),
  email: z.string(),
  role,
  timeZone: z.string(),
  /** 12 or 24 hours on every time shown to them; null: as their browser shows times. */
  clockFormat: clockFormat.nullable(),
  managerId: z.string().nullable(),
  workingPattern: z.object({ timeZone: z.string(), week: weekPatternView }),
  status: z.enum(["active", "invited"]),
  createdAt: z.string(),
});
export type PersonView = z.infer<typeof personView>;
export const onePerson = z.object({ person: personView });
export const peoplePage = z.object({ people: z.array(personView), nextCursor: z.string().nullable() });

/** An instant span `[start, end)` as ISO strings. */
export const intervalView = z.object({ start: z.string(), end: z.string() });

/** Others see only that the person is away: `kind` and `reason` only for who may edit the person. */
export const absenceView = z.object({
  id: z.string(),
  start: z.string(),
  end: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  kind: z.enum(ABSENCE_KINDS).optional(),
  reason: z.string().nullable().optional(),
});
export type AbsenceView = z.infer<typeof absenceView>;

export const zoneChangeView = z.object({ id: z.string(), from: z.string(), timeZone: z.string() });
export type ZoneChangeView = z.infer<typeof zoneChangeView>;
