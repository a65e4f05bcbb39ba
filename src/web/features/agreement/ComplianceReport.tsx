import {
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useState } from "react";
import type { PersonView } from "../../../contracts/people";
import { FormError } from "../../components/FormError";
import { UrgentSwitch } from "../../components/UrgentSwitch";
import { useAction } from "../../lib/action";
import { formatDateTime } from "../../lib/time";
import type { ComplianceView } from "./api";

interface Row {
  personId: string;
  name: string;
  at: string | null;
}

/** Who acknowledged the current version of something (agreement or policy), and when, in the viewer's zone. */
export function ComplianceReport(props: {
  compliance: ComplianceView;
  people: PersonView[];
  zone: string;
  /** "the working agreement", "the Right to disconnect policy". */
  what: string;
  /** Reminds the pending people, urgently if asked (agreement only, for now). */
  remind?: Remind;
}) {
  const { compliance, people, zone, what } = props;
  const phone = useMediaQuery("(max-width: 36em)");
  const names = new Map(people.map((p) => [p.id, p.name]));
  const nameOf = (id: string) => names.get(id) ?? "Someone no longer in the directory";
  const byName = (a: Row, b: Row) => a.name.localeCompare(b.name);
  const pending: Row[] = compliance.pending
    .map((p) => ({
      personId: p.personId,
      name: p.status === "invited" ? `${nameOf(p.personId)} (invited, not joined yet)` : nameOf(p.personId),
      at: null,
    }))
    .sort(byName);
  const done: Row[] = compliance.acknowledged
    .map((a) => ({ personId: a.personId, name: nameOf(a.personId), at: a.at }))
    .sort(byName);
  const rows = [...pending, ...done];
  const total = rows.length;
  const percent = total === 0 ? 0 : Math.round((done.length / total) * 100);
  const status = (row: Row) =>
    row.at ? (
      <Text size="sm">Acknowledged {formatDateTime(row.at, zone)}</Text>
    ) : (
      <Badge color="orange" variant="light">
        pending
      </Badge>
    );

  return (
    <Stack>
      <Text>
        <strong>
          {done.length} of {total}
        </strong>{" "}
        {total === 1 ? "person has" : "people have"} acknowledged version {compliance.version} of {what};{" "}
        <strong>{pending.length}</strong> pending.
      </Text>
      <Progress
        value={percent}
        aria-label={`${percent}% acknowledged`}
        color={percent === 100 ? "green" : "indigo"}
      />
      <Group>
        <CopyButton value={pending.map((r) => r.name).join("\n")}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy} disabled={pending.length === 0}>
              {copied ? "Copied" : `Copy pending names (${pending.length})`}
            </Button>
          )}
        </CopyButton>
        {props.remind ? (
          <RemindButton remind={props.remind} pending={pending.length} />
        ) : (
          <Text size="sm" c="dimmed">
            Email reminders exist for the agreement only: copy the names and remind people yourself.
          </Text>
        )}
      </Group>
      {phone ? (
        <SimpleGrid
          cols={1}
          spacing="xs"
          component="ul"
          aria-label="Acknowledgements"
          style={{ listStyle: "none", padding: 0 }}
        >
          {rows.map((row) => (
            <Card key={row.personId} withBorder component="li" padding="sm">
              <Group justify="space-between">
                <Text fw={500}>{row.name}</Text>
                {status(row)}
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      ) : (
        <Table aria-label="Acknowledgements" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>Version {compliance.version}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.personId}>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td>{status(row)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

type Remind = (input: { urgent: boolean }) => Promise<{ reminded: number }>;

function RemindButton(props: { remind: Remind; pending: number }) {
  const [urgent, setUrgent] = useState(false);
  const send = useAction(props.remind, {});
  return (
    <Stack gap={4}>
      <Button onClick={() => send.mutate({ urgent })} loading={send.isPending} disabled={props.pending === 0}>
        Email a reminder to {props.pending} pending
      </Button>
      <UrgentSwitch checked={urgent} onChange={setUrgent} />
      {send.data && (
        <Text size="sm" role="status">
          {send.variables?.urgent ? "Urgent reminder delivered to" : "Reminder queued for"}{" "}
          {send.data.reminded} {send.data.reminded === 1 ? "person" : "people"}.
        </Text>
      )}
      <FormError error={send.error} />
    </Stack>
  );
}
