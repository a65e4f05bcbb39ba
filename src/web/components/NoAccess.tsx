import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";

/** What a page says to someone whose role does not let them use it. */
export function NoAccess() {
  return (
    <Stack>
      <Title order={1}>You don't have access to this page</Title>
      <Text>
        This page is for people with another role. If you need it, ask an admin of your organisation.
      </Text>
      <Anchor component={Link} to="/">
        Go to your home page
      </Anchor>
    </Stack>
  );
}
