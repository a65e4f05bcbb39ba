import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { Loading } from "../../components/Loading";
import { SectionCard } from "../../components/SectionCard";
import { useTeams } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { canCreateCheckin, useCheckins, useDueCheckins } from "./api";
import { DueList } from "./list/DueList";
import { RitualList } from "./list/RitualList";

/** "Check-ins": what is due now (its window in my zone), the rituals I run and those I take part in. */
export function CheckinsPage() {
  const viewer = useViewer();
  const due = useDueCheckins();
  const checkins = useCheckins();
  const teams = useTeams();
  const leads = (teams.data ?? []).some((t) =>
    t.members.some((m) => m.personId === viewer.person.id && m.role === "lead"),
  );
  const mayCreate = canCreateCheckin(viewer.person.role, leads);
  const newButton = mayCreate ? (
    <Button component={Link} to="/checkins/new">
      New check-in
    </Button>
  ) : null;
  const run = checkins.data?.filter((c) => c.canManage) ?? [];
  const takePart = checkins.data?.filter((c) => c.participants.some((p) => p.id === viewer.person.id)) ?? [];

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Check-ins
        </Title>
        {newButton}
      </Group>
      <Text c="dimmed">
        Each check-in arrives at your own local time. Times here are in your zone ({viewer.zone}).
      </Text>

      <SectionCard id="due-now" title="Due now">
        {!due.data ? (
          <Loading error={due.error} />
        ) : due.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing is due. When a check-in you take part in arrives, it waits here until its window closes.
          </Text>
        ) : (
          <DueList occurrences={due.data} zone={viewer.zone} />
        )}
      </SectionCard>

      {!checkins.data ? (
        <Loading error={checkins.error} />
      ) : (
        <>
          {(run.length > 0 || mayCreate) && (
            <SectionCard id="rituals-i-run" title="Rituals I run">
              {run.length === 0 ? (
                <EmptyHint title="You run no check-ins yet" action={newButton}>
                  A daily standup, a weekly check-in or a team health pulse, delivered at each person's own
                  morning.
                </EmptyHint>
              ) : (
                <RitualList checkins={run} label="Rituals I run" />
              )}
            </SectionCard>
          )}
          <SectionCard id="rituals-i-take-part-in" title="Rituals I take part in">
            {takePart.length === 0 ? (
              <Text size="sm" c="dimmed">
                None yet. When a lead adds you to a check-in, it appears here.
              </Text>
            ) : (
              <RitualList checkins={takePart} label="Rituals I take part in" />
            )}
          </SectionCard>
        </>
      )}
    </Stack>
  );
}
