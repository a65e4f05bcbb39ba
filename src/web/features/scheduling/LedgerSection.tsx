import { Button, Card, List, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { TeamView } from "../../../contracts/teams";
import { ConfirmButton } from "../../components/ConfirmButton";
import { EmptyHint } from "../../components/EmptyHint";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { useAction } from "../../lib/action";
import { can } from "../../lib/permissions";
import { useViewer } from "../../lib/session";
import { formatDateTime, formatTime } from "../../lib/time";
import { deleteRotation, schedulingKeys, useLedger, useRotations } from "./api";
import { CreateMeetingsForm } from "./CreateMeetingsForm";
import { KindBadge } from "./RotationPlan";

/** The inconvenience ledger: who carried early, late and outside-hours slots, most first. */
export function LedgerSection(props: { teams: TeamView[] | undefined; viewerZone: string }) {
  const [teamId, setTeamId] = useState<string | null>(null);
  const ledger = useLedger(teamId);
  return (
    <Card withBorder component="section" aria-labelledby="ledger-heading">
      <Stack gap="sm">
        <Title order={3} id="ledger-heading">
          Inconvenience ledger
        </Title>
        <Text size="sm" c="dimmed">
          Every saved rotation records who meets early (before 09:00), late (after 18:00) or outside their
          working hours, on their own clock. Anyone in the organisation can see it: it is about fairness, not
          performance.
        </Text>
        {props.teams && props.teams.length > 0 && (
          <Select
            label="Show"
            data={[
              { value: "", label: "Everyone with an entry" },
              ...props.teams.map((t) => ({ value: t.id, label: `Team ${t.name}` })),
            ]}
            value={teamId ?? ""}
            allowDeselect={false}
            onChange={(v) => setTeamId(v || null)}
            maw={320}
          />
        )}
        {!ledger.data && <Loading error={ledger.error} />}
        {ledger.data?.length === 0 && (
          <EmptyHint title="Nothing on the ledger yet">
            Plan a rotation above and save it: each inconvenient occurrence is recorded here against the
            person who carries it.
          </EmptyHint>
        )}
        {ledger.data && ledger.data.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label="Inconvenience ledger" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Person</Table.Th>
                  <Table.Th scope="col">Points</Table.Th>
                  <Table.Th scope="col">Last 90 days and ahead</Table.Th>
                  <Table.Th scope="col">Early</Table.Th>
                  <Table.Th scope="col">Late</Table.Th>
                  <Table.Th scope="col">Outside hours</Table.Th>
                  <Table.Th scope="col">Latest (your time)</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ledger.data.map((p) => {
                  const latest = p.recent[0];
                  return (
                    <Table.Tr key={p.personId}>
                      <Table.Th scope="row">{p.name}</Table.Th>
                      <Table.Td>{p.points}</Table.Td>
                      <Table.Td>{p.recentPoints}</Table.Td>
                      <Table.Td>{p.counts.early}</Table.Td>
                      <Table.Td>{p.counts.late}</Table.Td>
                      <Table.Td>{p.counts.outside}</Table.Td>
                      <Table.Td>
                        {latest ? (
                          <>
                            {formatDateTime(latest.occurredAt, props.viewerZone)}
                            <KindBadge kind={latest.kind} />
                          </>
                        ) : (
                          "—"
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}

/** Saved rotations, newest first: name, people and the first and last occurrence in the viewer's time. */
export function SavedRotations(props: { names: ReadonlyMap<string, string>; viewerZone: string }) {
  const rotations = useRotations();
  const viewer = useViewer();
  const [making, setMaking] = useState<string | null>(null);
  const remove = useAction(deleteRotation, {
    refresh: [schedulingKeys.all],
    done: "Rotation deleted; its inconvenience is off the ledger",
  });
  if (!rotations.data) return <Loading error={rotations.error} />;
  if (rotations.data.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="saved-heading">
      <Stack gap="xs">
        <Title order={3} id="saved-heading">
          Saved rotations
        </Title>
        <List size="sm" spacing={4}>
          {rotations.data.map((r) => {
            const first = r.occurrences[0];
            const last = r.occurrences.at(-1);
            const who = r.attendeeIds.map((id) => props.names.get(id) ?? "someone").join(", ");
            return (
              <List.Item key={r.id}>
                <Text span fw={500} size="sm">
                  {r.name ?? "Untitled rotation"}
                </Text>
                {` — ${r.occurrences.length} weekly × ${r.durationMinutes} min with ${who}`}
                {first &&
                  last &&
                  `, ${formatDateTime(first.start, props.viewerZone)} to ${formatDateTime(last.start, props.viewerZone)}–${formatTime(last.end, props.viewerZone)}`}{" "}
                {(r.createdBy === viewer.person.id || r.attendeeIds.includes(viewer.person.id)) && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    aria-expanded={making === r.id}
                    onClick={() => setMaking(making === r.id ? null : r.id)}
                  >
                    Create these meetings
                  </Button>
                )}{" "}
                {can.deleteRotation(viewer.person, r.createdBy) && (
                  <ConfirmButton
                    question={`Delete "${r.name ?? "Untitled rotation"}"? Its occurrences leave the calendar feeds and the ledger.`}
                    confirmLabel="Delete rotation"
                    aria-label={`Delete ${r.name ?? "untitled rotation"}`}
                    onConfirm={() => remove.mutate(r.id)}
                  >
                    Delete
                  </ConfirmButton>
                )}
              </List.Item>
            );
          })}
        </List>
        <FormError error={remove.error} />
        {rotations.data
          .filter((r) => r.id === making)
          .map((r) => (
            <CreateMeetingsForm key={r.id} rotation={r} />
          ))}
      </Stack>
    </Card>
  );
}
