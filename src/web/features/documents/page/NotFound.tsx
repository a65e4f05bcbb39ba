import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";

/** A document that does not exist, or one not shared with the viewer (the server answers both alike). */
export function DocumentNotFound() {
  return (
    <Stack>
      <Title order={1}>Document not found</Title>
      <Text>
        This document does not exist or is not shared with you. A document is visible to its owner and the
        people, team or organisation it is shared with; it may also have been deleted.
      </Text>
      <Anchor component={Link} to="/docs">
        Go to Docs
      </Anchor>
    </Stack>
  );
}
