import type { PersonView } from "../../../contracts/views";
import { can } from "../../lib/permissions";
import { useViewer } from "../../lib/session";
import { CalendarFeedSection } from "./CalendarFeedSection";
import { CalendarsSection } from "./CalendarsSection";
import { FocusBlocksSection } from "./FocusBlocksSection";

/**
 * The profile's calendar sections, as the server allows them: calendars for the person and
 * owners/admins; focus blocks for whoever edits the profile; the feed for the person only.
 */
export function CalendarSections({ person }: { person: PersonView }) {
  const viewer = useViewer();
  return (
    <>
      {can.manageCalendars(viewer.person, person.id) && (
        <CalendarsSection personId={person.id} viewerZone={viewer.zone} />
      )}
      <FocusBlocksSection personId={person.id} />
      {viewer.person.id === person.id && <CalendarFeedSection viewerZone={viewer.zone} />}
    </>
  );
}
