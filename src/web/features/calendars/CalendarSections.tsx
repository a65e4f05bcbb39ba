import { Anchor, Text } from "@mantine/core";
import { Link } from "react-router";
import type { PersonView } from "../../../contracts/people";
import { can } from "../../lib/permissions";
import { useViewer } from "../../lib/session";
import { FocusBlocksSection } from "./FocusBlocksSection";

/**
 * What the profile keeps of calendars: focus blocks, for whoever edits the profile, and the way to
 * the calendar page, where connected calendars and the feed are managed.
 */
export function CalendarSections({ person }: { person: PersonView }) {
  const viewer = useViewer();
  const isSelf = viewer.person.id === person.id;
  return (
    <>
      <FocusBlocksSection personId={person.id} />
      {(isSelf || can.manageCalendars(viewer.person, person.id)) && (
        <Text size="sm">
          Connected calendars{isSelf ? " and your calendar feed" : ""} are on{" "}
          <Anchor component={Link} to={isSelf ? "/meetings/calendar" : `/meetings/calendar/${person.id}`}>
            {isSelf ? "My calendar" : `${person.name}'s calendar`}
          </Anchor>
          .
        </Text>
      )}
    </>
  );
}
