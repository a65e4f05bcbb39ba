import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";

/** A meeting that does not exist, or one the viewer is not invited to (the server answers both alike). */
export function MeetingNotFound() {
  return (
    <Stack>
      <Title order={1}>Meeting not found</Title>
      <Text>
        There is no such meeting, or you are not invited to it: a meeting is visible to its organiser and
        attendees only. Ask the organiser to add you if you need it.
      </Text>
      <Anchor component={Link} to="/meetings">
        Go to your meetings
      </Anchor>
    </Stack>
  );
}
