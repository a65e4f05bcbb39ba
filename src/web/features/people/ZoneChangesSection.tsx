import { Button, Group, List, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { ConfirmButton } from "../../components/ConfirmButton";
import { EmptyHint } from "../../components/EmptyHint";
import { FormError } from "../../components/FormError";
import { SectionCard } from "../../components/SectionCard";
import { TimeZoneInput } from "../../components/TimeZoneInput";
import { bindFields, submitWith, useAction } from "../../lib/action";
import { api } from "../../lib/api";
import { keys, useZoneChanges } from "../../lib/resources";
import { formatDate } from "../../lib/time";

/** Travel: from a date on, the person's working pattern follows another zone's wall clock. */
export function ZoneChangesSection({ personId, editable }: { personId: string; editable: boolean }) {
  const changes = useZoneChanges(personId);
  const refresh = [keys.zoneChanges(personId), keys.person(personId)];
  const remove = useAction((id: string) => api("DELETE", `/people/${personId}/zone-changes/${id}`), {
    refresh,
    done: "Zone change removed",
  });
  const [form, setForm] = useState({ from: "", timeZone: "" });
  const add = useAction(() => api("POST", `/people/${personId}/zone-changes`, form), {
    refresh,
    done: "Zone change added",
    onDone: () => setForm({ from: "", timeZone: "" }),
  });
  const field = bindFields(form, setForm, add.error);
  const list = changes.data ?? [];
  return (
    <SectionCard id="travel" title="Travel and zone changes">
      {changes.isSuccess && list.length === 0 && (
        <EmptyHint title="No zone changes planned">
          Travelling or moving? From the day you give, your working hours follow the new zone's clock, and
          colleagues see them in their own time.
        </EmptyHint>
      )}
      {list.length > 0 && (
        <List spacing="xs">
          {list.map((c) => (
            <List.Item key={c.id}>
              <Group gap="xs">
                <Text size="sm">
                  From {formatDate(c.from)}: {c.timeZone}
                </Text>
                {editable && (
                  <ConfirmButton
                    question={`Remove the move to ${c.timeZone} from ${formatDate(c.from)}?`}
                    confirmLabel="Remove zone change"
                    aria-label={`Remove zone change from ${formatDate(c.from)}`}
                    onConfirm={() => remove.mutate(c.id)}
                  >
                    Remove
                  </ConfirmButton>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <FormError error={remove.error} />
      {editable && (
        <form onSubmit={submitWith(() => add.mutate(undefined))} aria-label="Add a zone change">
          <Stack gap="xs">
            <Group align="flex-start" gap="xs">
              <TextInput type="date" label="From" required {...field("from")} />
              <TimeZoneInput
                label="New time zone"
                value={form.timeZone}
                onChange={(timeZone) => setForm({ ...form, timeZone })}
                error={field("timeZone").error}
              />
            </Group>
            <FormError error={add.error} />
            <Group>
              <Button type="submit" variant="light" loading={add.isPending}>
                Add zone change
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </SectionCard>
  );
}
