import { Badge, Button, Card, Group, Progress, Stack, Switch, Text, Title } from "@mantine/core";
import { useState } from "react";
import { FormError } from "../../../components/FormError";
import { useNow } from "../../../lib/now";
import { useMeetingAction } from "./api";
import type { MeetingContext } from "./context";
import { currentItem, formatCountdown, secondsLeft } from "./live";

/** "Start live": the current item with its time box counting down, the time left overall, "Covered → next". */
export function LiveAgenda(ctx: MeetingContext & { live: boolean; onLive(live: boolean): void }) {
  const { meeting: m, live, onLive, readOnly } = ctx;
  if (readOnly || m.status !== "scheduled") return null;
  return (
    <Card withBorder component="section" aria-labelledby="live-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} id="live-heading">
            Live agenda
          </Title>
          <Switch label="Start live" checked={live} onChange={(e) => onLive(e.currentTarget.checked)} />
        </Group>
        {live ? (
          <LivePanel {...ctx} />
        ) : (
          <Text size="sm" c="dimmed">
            During the meeting, follow the agenda item by item with its time box; what anyone marks covered,
            notes or decides shows for everyone within seconds.
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function LivePanel({ meeting: m, nameOf }: MeetingContext) {
  const now = useNow(1000);
  const item = currentItem(m.agenda);
  const [since, setSince] = useState<{ id: string | undefined; at: number }>({ id: item?.id, at: now });
  if (since.id !== item?.id) setSince({ id: item?.id, at: now });
  const next = useMeetingAction((id: string) => ({
    method: "PATCH",
    path: `/agenda-items/${id}`,
    body: { status: "covered" },
  }));
  const end = Date.parse(m.end);
  const start = Date.parse(m.start);
  const overall =
    now < start
      ? `Starts in ${formatCountdown(Math.round((start - now) / 1000))}`
      : now < end
        ? `${formatCountdown(Math.round((end - now) / 1000))} left in the meeting`
        : `The meeting ran ${formatCountdown(Math.round((now - end) / 1000))} past its end`;
  const left = item?.minutes ? secondsLeft(item.minutes, since.at, now) : undefined;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500} role="timer">
        {overall}
      </Text>
      {item ? (
        <>
          <Group gap="xs" aria-live="polite">
            <Badge variant="light">Now</Badge>
            <Text fw={600}>{item.title}</Text>
            {item.ownerId && <Text size="sm">· {nameOf(item.ownerId)}</Text>}
          </Group>
          {item.minutes && left !== undefined ? (
            <>
              <Text size="sm" c={left < 0 ? "red" : undefined} role="timer">
                {left < 0
                  ? `Time box: ${formatCountdown(left)}`
                  : `Time box: ${formatCountdown(left)} of ${item.minutes} min`}
              </Text>
              <Progress
                aria-hidden="true"
                color={left < 0 ? "red" : "blue"}
                value={Math.min(100, Math.max(0, 100 - (left / (item.minutes * 60)) * 100))}
              />
            </>
          ) : (
            <Text size="sm" c="dimmed">
              No time box on this item.
            </Text>
          )}
          <Group>
            <Button loading={next.isPending} onClick={() => next.mutate(item.id)}>
              Covered → next
            </Button>
          </Group>
          <FormError error={next.error} />
        </>
      ) : (
        <Text size="sm">
          Every agenda item is covered. Record the decisions and action items, then complete the meeting.
        </Text>
      )}
    </Stack>
  );
}
