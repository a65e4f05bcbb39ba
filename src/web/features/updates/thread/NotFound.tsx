import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";

/** An update that does not exist, or one not addressed to the viewer (the server answers both alike). */
export function UpdateNotFound() {
  return (
    <Stack>
      <Title order={1}>Update not found</Title>
      <Text>
        This update does not exist or is not addressed to you. An update is visible to its author and the
        people, team or organisation it was written for; it may also have been deleted.
      </Text>
      <Anchor component={Link} to="/updates">
        Go to your feed
      </Anchor>
    </Stack>
  );
}
