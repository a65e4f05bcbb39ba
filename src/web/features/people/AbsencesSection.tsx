import { Button, Group, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import type { AbsenceView } from "../../../contracts/people";
import { ConfirmButton } from "../../components/ConfirmButton";
import { EmptyHint } from "../../components/EmptyHint";
import { FormError } from "../../components/FormError";
import { SectionCard } from "../../components/SectionCard";
import { fieldErrors, submitWith, useAction } from "../../lib/action";
import { api } from "../../lib/api";
import { keys, useAbsences } from "../../lib/resources";
import { formatDate, formatDateTime } from "../../lib/time";

const KINDS = [
  { value: "vacation", label: "Vacation" },
  { value: "sick", label: "Sick" },
  { value: "personal", label: "Personal" },
  { value: "other", label: "Other" },
];

/** A person's absences; the person, admins and hr see kind and reason and may add or remove them. */
export function AbsencesSection(props: { personId: string; editable: boolean; viewerZone: string }) {
  const { personId, editable, viewerZone } = props;
  const absences = useAbsences(personId);
  const refresh = [keys.absences(personId), keys.person(personId)];
  const remove = useAction((id: string) => api("DELETE", `/people/${personId}/absences/${id}`), {
    refresh,
    done: "Absence removed",
  });
  const list = absences.data ?? [];
  return (
    <SectionCard id="absences" title="Absences">
      {absences.isSuccess && list.length === 0 && (
        <EmptyHint title="No absences planned">
          Time off shows here and on the team clock, so colleagues know not to expect a reply.
          {editable && " Add your next holiday below."}
        </EmptyHint>
      )}
      {list.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>What</Table.Th>
              {editable && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{describeWhen(a, viewerZone)}</Table.Td>
                <Table.Td>{a.kind ? `${a.kind}${a.reason ? ` — ${a.reason}` : ""}` : "away"}</Table.Td>
                {editable && (
                  <Table.Td>
                    <ConfirmButton
                      question={`Remove the absence ${describeWhen(a, viewerZone)}?`}
                      confirmLabel="Remove absence"
                      aria-label={`Remove absence ${describeWhen(a, viewerZone)}`}
                      onConfirm={() => remove.mutate(a.id)}
                    >
                      Remove
                    </ConfirmButton>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <FormError error={remove.error} />
      {editable && <AddAbsenceForm personId={personId} />}
    </SectionCard>
  );
}

function describeWhen(a: AbsenceView, viewerZone: string): string {
  if (a.startDate && a.endDate) {
    return a.startDate === a.endDate
      ? formatDate(a.startDate)
      : `${formatDate(a.startDate)} – ${formatDate(a.endDate)}`;
  }
  return `${formatDateTime(a.start, viewerZone)} – ${formatDateTime(a.end, viewerZone)}`;
}

function AddAbsenceForm({ personId }: { personId: string }) {
  const [form, setForm] = useState({ start: "", end: "", kind: "vacation", reason: "" });
  const add = useAction(
    () =>
      api("POST", `/people/${personId}/absences`, {
        start: form.start,
        end: form.end || form.start,
        kind: form.kind,
        ...(form.reason ? { reason: form.reason } : {}),
      }),
    {
      refresh: [keys.absences(personId), keys.person(personId)],
      done: "Absence added",
      onDone: () => setForm({ start: "", end: "", kind: "vacation", reason: "" }),
    },
  );
  const fields = fieldErrors(add.error);
  return (
    <form onSubmit={submitWith(() => add.mutate(undefined))} aria-label="Add an absence">
      <Stack gap="xs">
        <Text fw={500}>Add an absence</Text>
        <Group align="flex-start" gap="xs">
          <TextInput
            type="date"
            label="First day"
            required
            value={form.start}
            onChange={(e) => setForm({ ...form, start: e.currentTarget.value })}
            error={fields.start}
          />
          <TextInput
            type="date"
            label="Last day"
            description="Leave empty for one day"
            value={form.end}
            onChange={(e) => setForm({ ...form, end: e.currentTarget.value })}
            error={fields.end}
          />
          <Select
            label="Kind"
            data={KINDS}
            value={form.kind}
            allowDeselect={false}
            onChange={(kind) => setForm({ ...form, kind: kind ?? "other" })}
            w={140}
          />
          <TextInput
            label="Reason (optional)"
            description="Only you, admins and hr see it"
            value={form.reason}
            onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })}
            error={fields.reason}
          />
        </Group>
        <FormError error={add.error} />
        <Group>
          <Button type="submit" variant="light" loading={add.isPending}>
            Add absence
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
