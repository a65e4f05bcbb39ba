import { Button, Group, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { type Saving, submitWith } from "../lib/action";
import { FormError } from "./FormError";
import { SectionCard } from "./SectionCard";

/** A titled card holding one form: its fields, the server's answer on failure, and the submit button. */
export function FormSection(props: {
  id: string;
  title: string;
  action: string;
  save: Saving;
  children: ReactNode;
  intro?: ReactNode;
  /** Shown under the button, e.g. what the save produced. */
  after?: ReactNode;
}) {
  return (
    <SectionCard id={props.id} title={props.title} intro={props.intro}>
      <form onSubmit={submitWith(() => props.save.mutate(undefined))}>
        <Stack gap="sm">
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
    </SectionCard>
  );
}
