import { Button, Group, Select, type SelectProps } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";
import { FormError } from "../../../components/FormError";
import type { MeetingView } from "../api";
import { attendeeOptions } from "./context";

/** A one-row form that adds something to the meeting: its fields, the submit button, the refusal. */
export function AddForm(props: {
  label: string;
  onSubmit(event: FormEvent): void;
  pending: boolean;
  error: unknown;
  submitLabel?: string;
  children: ReactNode;
}) {
  return (
    <form aria-label={props.label} onSubmit={props.onSubmit}>
      <Group align="flex-end" gap="xs">
        {props.children}
        <Button type="submit" loading={props.pending}>
          {props.submitLabel ?? "Add"}
        </Button>
      </Group>
      <FormError error={props.error} />
    </form>
  );
}

/** "Owner": one of the meeting's attendees. */
export function OwnerSelect({
  meeting,
  ...select
}: Omit<SelectProps, "data" | "label"> & { meeting: MeetingView }) {
  return (
    <Select label="Owner" data={attendeeOptions(meeting)} style={{ flex: 1, minWidth: 140 }} {...select} />
  );
}
