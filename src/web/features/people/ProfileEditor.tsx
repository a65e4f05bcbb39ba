import { Stack } from "@mantine/core";
import type { PersonView } from "../../../contracts/people";
import { can, grantableRoles } from "../../lib/permissions";
import { useViewer } from "../../lib/session";
import { CalendarSections } from "../calendars";
import { AbsencesSection } from "./AbsencesSection";
import { ProfileForm } from "./ProfileForm";
import { WorkingPatternEditor } from "./WorkingPatternEditor";
import { ZoneChangesSection } from "./ZoneChangesSection";

/** Everything editable about a person: profile, working pattern, absences, travel, calendars. */
export function ProfileEditor({ person }: { person: PersonView }) {
  const viewer = useViewer();
  const roles = can.changeRoleOf(viewer.person, person.id)
    ? Array.from(new Set([person.role, ...grantableRoles(viewer.person.role)]))
    : [];
  return (
    <Stack>
      <ProfileForm key={`${person.id}-profile`} person={person} roles={roles} />
      <WorkingPatternEditor key={`${person.id}-pattern`} person={person} />
      <AbsencesSection personId={person.id} editable viewerZone={viewer.zone} />
      <ZoneChangesSection personId={person.id} editable />
      <CalendarSections person={person} />
    </Stack>
  );
}
