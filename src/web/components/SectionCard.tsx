import { Card, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** A titled card on a page, named by its heading; `intro` says in a sentence what the section is for. */
export function SectionCard(props: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  const heading = `${props.id}-heading`;
  return (
    <Card withBorder component="section" aria-labelledby={heading}>
      <Stack gap="sm">
        <Title order={3} id={heading}>
          {props.title}
        </Title>
        {props.intro && (
          <Text size="sm" c="dimmed">
            {props.intro}
          </Text>
        )}
        {props.children}
      </Stack>
    </Card>
  );
}
