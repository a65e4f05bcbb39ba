import { Button, Card, Group, Stack, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { type Saving, submitWith } from "../lib/action";
import { FormError } from "./FormError";

/** A titled card holding one form: its fields, the server's answer on failure, and the submit button. */
export function FormSection(props: {
  id: string;
  title: string;
  action: string;
  save: Saving;
  children: ReactNode;
  /** Shown under the button, e.g. what the save produced. */
  after?: ReactNode;
}) {
  const heading = `${props.id}-heading`;
  return (
    <Card withBorder component="section" aria-labelledby={heading}>
      <form onSubmit={submitWith(() => props.save.mutate(undefined))}>
        <Stack gap="sm">
          <Title order={3} id={heading}>
            {props.title}
          </Title>
          {props.children}
          <FormError error={props.save.error} />
          <Group>
            <Button type="submit" loading={props.save.isPending}>
              {props.action}
            </Button>
          </Group>
          {props.after}
        </Stack>
      </form>
    </Card>
  );
}
