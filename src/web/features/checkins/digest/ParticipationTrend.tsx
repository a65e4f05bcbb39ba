import { Group, Progress, Stack, Text } from "@mantine/core";
import { Loading } from "../../../components/Loading";
import { SectionCard } from "../../../components/SectionCard";
import { formatDate } from "../../../lib/time";
import { useParticipation } from "../api";
import { participationText } from "./text";

/** How many answered each day, newest first: counts only, never who (the digest tells leads that). */
export function ParticipationTrend({ checkinId }: { checkinId: string }) {
  const participation = useParticipation(checkinId);
  const periods = participation.data?.periods;
  return (
    <SectionCard
      id="participation"
      title="Participation"
      intro="How many answered each time: a count, not who."
    >
      {!periods && <Loading error={participation.error} />}
      {periods?.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing delivered yet. Each time the check-in goes out, the share of people who answered appears
          here.
        </Text>
      )}
      {periods && periods.length > 0 && (
        <Stack component="ul" gap={6} style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {[...periods]
            .sort((a, b) => b.localDate.localeCompare(a.localDate))
            .slice(0, 14)
            .map((p) => (
              <Group component="li" key={p.localDate} gap="sm" wrap="nowrap">
                <Text size="sm" w={110}>
                  {formatDate(p.localDate)}
                </Text>
                <Progress
                  value={p.participants ? (p.answered / p.participants) * 100 : 0}
                  w={140}
                  aria-hidden="true"
                />
                <Text size="sm">{participationText(p.answered, p.participants)}</Text>
              </Group>
            ))}
        </Stack>
      )}
    </SectionCard>
  );
}
