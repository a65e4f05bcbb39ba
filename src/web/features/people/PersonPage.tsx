import { Anchor, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { Loading } from "../../components/Loading";
import { PersonName } from "../../components/PersonName";
import { SectionCard } from "../../components/SectionCard";
import { WorkingBadge } from "../../components/WorkingBadge";
import { useNow } from "../../lib/now";
import { summarizeWeek } from "../../lib/pattern";
import { can } from "../../lib/permissions";
import { usePeople, usePerson, useTeams } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { AbsencesSection } from "./AbsencesSection";
import { DataErasure } from "./DataErasure";
import { DataExport } from "./DataExport";

export function PersonPage() {
  const { id = "" } = useParams();
  const viewer = useViewer();
  const now = useNow();
  const person = usePerson(id);
  const teams = useTeams();
  const people = usePeople();
  if (!person.data) return <Loading error={person.error} />;
  const p = person.data;
  const isSelf = viewer.person.id === p.id;
  const editable = can.editPerson(viewer.person, p.id);
  const manager = people.data?.find((m) => m.id === p.managerId);
  const theirTeams = (teams.data ?? []).filter((t) => t.members.some((m) => m.personId === p.id));
  return (
    <Stack>
      <Anchor component={Link} to="/team/people" size="sm">
        ← People
      </Anchor>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {p.name}
        </Title>
        {editable && (
          <Button
            component={Link}
            to={isSelf ? "/settings/profile" : `/team/people/${p.id}/edit`}
            variant="light"
          >
            {isSelf ? "Edit your profile" : `Edit ${p.name}`}
          </Button>
        )}
      </Group>
      <Card withBorder component="section" aria-label="About">
        <Stack gap={6}>
          <Group gap="xs">
            <PersonName person={p} viewerZone={viewer.zone} now={now} />
            <WorkingBadge pattern={p.workingPattern} now={now} />
          </Group>
          <Text size="sm">
            {p.role} · {p.email} · {p.timeZone}
            {p.status === "invited" && " · invited, not signed in yet"}
          </Text>
          {manager && (
            <Text size="sm">
              Reports to{" "}
              <Anchor component={Link} to={`/team/people/${manager.id}`}>
                {manager.name}
              </Anchor>
            </Text>
          )}
          <Text size="sm">
            Teams:{" "}
            {theirTeams.length === 0
              ? "none yet"
              : theirTeams.map((t, i) => (
                  <span key={t.id}>
                    {i > 0 && ", "}
                    <Anchor component={Link} to={`/team/teams/${t.id}`}>
                      {t.name}
                    </Anchor>
                  </span>
                ))}
          </Text>
        </Stack>
      </Card>
      <Card withBorder component="section" aria-labelledby="person-pattern-heading">
        <Title order={3} id="person-pattern-heading" mb="xs">
          Working pattern
        </Title>
        <Text size="sm">
          {summarizeWeek(p.workingPattern.week)} ({p.workingPattern.timeZone} time)
        </Text>
      </Card>
      <AbsencesSection personId={p.id} editable={false} viewerZone={viewer.zone} />
      {!isSelf && can.exportPerson(viewer.person, p.id) && (
        <SectionCard
          id="their-data"
          title="Their data"
          intro={`On ${p.name}'s request: a ZIP of everything Tandem holds about them, to hand to them. Recorded in the audit log.`}
        >
          <DataExport person={{ id: p.id, name: p.name }} />
        </SectionCard>
      )}
      {!isSelf && can.do("person.requestErasure")(viewer.person.role) && (
        <SectionCard
          id="erase-their-data"
          title="Delete their data"
          intro={`On ${p.name}'s request: their personal data is deleted after a 30-day grace period; shared records stay as "A former member". Recorded in the audit log.`}
        >
          <DataErasure person={{ id: p.id, name: p.name }} />
        </SectionCard>
      )}
    </Stack>
  );
}
