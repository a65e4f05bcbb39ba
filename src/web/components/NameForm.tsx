import { Button, Group, Stack, TextInput } from "@mantine/core";
import { fieldErrors, type Saving, submitWith } from "../lib/action";
import { FormError } from "./FormError";

/** A one-field form that names something (a token, a team): the field, its button and the server's answer. */
export function NameForm(props: {
  formLabel: string;
  label: string;
  description?: string;
  value: string;
  onChange(value: string): void;
  action: string;
  save: Saving;
  disabled?: boolean;
}) {
  return (
    <form onSubmit={submitWith(() => props.save.mutate(undefined))} aria-label={props.formLabel}>
      <Stack gap="xs">
        <Group align="flex-end">
          <TextInput
            label={props.label}
            description={props.description}
            required
            value={props.value}
            onChange={(e) => props.onChange(e.currentTarget.value)}
            error={fieldErrors(props.save.error).name}
            style={{ flex: 1, minWidth: 200 }}
          />
          <Button type="submit" loading={props.save.isPending} disabled={props.disabled}>
            {props.action}
          </Button>
        </Group>
        <FormError error={props.save.error} />
      </Stack>
    </form>
  );
}
