import { Anchor, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";

/**
 * Something that does not exist or that the viewer may not see — the server answers both alike (404),
 * so the page says both, who can see it, and where to go instead.
 */
export function NotFoundPage(props: {
  title: string;
  children: ReactNode;
  back: { to: string; label: string };
}) {
  return (
    <Stack>
      <Title order={1}>{props.title}</Title>
      <Text>{props.children}</Text>
      <Anchor component={Link} to={props.back.to}>
        {props.back.label}
      </Anchor>
    </Stack>
  );
}
