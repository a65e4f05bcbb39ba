import type { NotificationSettingsBody, NotificationSettingsView } from "../../../contracts/notifications";
import type { Deps } from "../../deps";
import type { Actor } from "../../platform/http/actor";
import { getPerson } from "../people";
import {
  DEFAULT_SETTINGS,
  kindChoices,
  notificationHoursOf,
  type Settings,
  settingsOf,
} from "./notifications.repo";
import { notificationSettings } from "./notifications.table";

/** The caller's choices (defaults when never set) and the hours that apply, with where they come from. */
export async function mySettings(deps: Deps, actor: Actor): Promise<NotificationSettingsView> {
  const settings = (await settingsOf(deps.db, actor.organisationId, [actor.personId])).get(actor.personId);
  return view(deps, actor, settings ?? DEFAULT_SETTINGS);
}

export async function saveMySettings(
  deps: Deps,
  actor: Actor,
  body: NotificationSettingsBody,
): Promise<NotificationSettingsView> {
  const values = {
    email: body.email,
    digestEnabled: body.digest.enabled,
    digestLocalTime: body.digest.localTime,
    kinds: body.kinds,
  };
  await deps.db
    .insert(notificationSettings)
    .values({ personId: actor.personId, organisationId: actor.organisationId, ...values })
    .onConflictDoUpdate({ target: notificationSettings.personId, set: values });
  return mySettings(deps, actor);
}

async function view(deps: Deps, actor: Actor, s: Settings): Promise<NotificationSettingsView> {
  const [hours, person] = await Promise.all([
    notificationHoursOf(deps.db, actor.organisationId),
    getPerson(deps.db, actor.organisationId, actor.personId),
  ]);
  return {
    email: s.email,
    digest: { enabled: s.digestEnabled, localTime: s.digestLocalTime },
    kinds: kindChoices(s),
    hours:
      hours === "working_hours"
        ? {
            source: "working_hours",
            start: null,
            end: null,
            timeZone: person.timeZone,
            description: "Your working hours, per the team agreement",
          }
        : {
            source: "agreement",
            start: hours.start,
            end: hours.end,
            timeZone: person.timeZone,
            description: `${hours.start}–${hours.end} in your zone (${person.timeZone}), per the organisation's agreement`,
          },
  };
}
