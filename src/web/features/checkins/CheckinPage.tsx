import { Badge, Button, Group, Stack, Text, Title } from "@mantine/core";
import { Link, useParams, useSearchParams } from "react-router";
import type { CheckinView } from "../../../contracts/checkins";
import { EmptyHint } from "../../components/EmptyHint";
import { Loading } from "../../components/Loading";
import { SectionCard } from "../../components/SectionCard";
import { ApiError } from "../../lib/api";
import { useTeams } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { useCheckin, useDigest } from "./api";
import { DigestSection } from "./digest/DigestSection";
import { ParticipationTrend } from "./digest/ParticipationTrend";
import { PulseSection } from "./pulse/PulseSection";
import { scheduleInWords } from "./schedule-text";

/**
 * `/checkins/:id`: a ritual — its schedule in words and who takes part, the digest of a chosen day
 * (`?date=` in the address), the pulse trend with its privacy note, participation counts.
 */
export function CheckinPage() {
  const { id = "" } = useParams();
  const checkin = useCheckin(id);
  if (checkin.error instanceof ApiError && checkin.error.status === 404)
    return (
      <Stack>
        <Title order={1}>Check-in not found</Title>
        <Text>This check-in does not exist, was deleted, or does not include you.</Text>
        <Group>
          <Button component={Link} to="/checkins" variant="light">
            Back to check-ins
          </Button>
        </Group>
      </Stack>
    );
  if (!checkin.data) return <Loading error={checkin.error} />;
  return <Ritual checkin={checkin.data} />;
}

function Ritual({ checkin }: { checkin: CheckinView }) {
  const viewer = useViewer();
  const teams = useTeams();
  const [search, setSearch] = useSearchParams();
  const date = search.get("date");
  const digest = useDigest(checkin.id, date);
  const leadOf = Boolean(
    teams.data
      ?.find((t) => t.id === checkin.teamId)
      ?.members.some((m) => m.personId === viewer.person.id && m.role === "lead"),
  );
  const noneYet = digest.error instanceof ApiError && digest.error.status === 404 && !date;
  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={1}>{checkin.name}</Title>
          <Text>{scheduleInWords(checkin.schedule)}</Text>
          <Text size="sm" c="dimmed">
            Answers are taken for {checkin.windowHours} hours after delivery
            {checkin.reminder ? ", with one reminder inside each person's working hours" : ""}.
          </Text>
        </Stack>
        <Group gap="xs">
          {checkin.paused && (
            <Badge color="gray" variant="light" size="lg">
              Paused
            </Badge>
          )}
          {checkin.canManage && (
            <Button component={Link} to={`/checkins/${checkin.id}/edit`} variant="light">
              Edit
            </Button>
          )}
        </Group>
      </Group>
      <Text size="sm">
        <Text span fw={600} inherit>
          Who takes part
        </Text>
        {checkin.teamName ? ` (${checkin.teamName})` : ""}:{" "}
        {checkin.participants.length === 0
          ? "nobody yet"
          : checkin.participants.map((p) => (p.id === viewer.person.id ? "you" : p.name)).join(", ")}
      </Text>
      <SectionCard id="digest" title="Digest" intro="What everyone answered, summed up for the team.">
        {noneYet || digest.data?.dates.length === 0 ? (
          <EmptyHint title="No answers yet">
            The digest appears here after the check-in is first delivered: answers come in during the window,
            and when it closes the digest is posted to the team's feed.
          </EmptyHint>
        ) : digest.data ? (
          <DigestSection
            checkin={checkin}
            digest={digest.data}
            leadOf={leadOf}
            onPickDate={(picked) => setSearch({ date: picked }, { replace: true })}
          />
        ) : (
          <Loading error={digest.error} />
        )}
      </SectionCard>
      {checkin.questions.some((q) => q.type === "pulse") && <PulseSection checkinId={checkin.id} />}
      <ParticipationTrend checkinId={checkin.id} />
    </Stack>
  );
}
