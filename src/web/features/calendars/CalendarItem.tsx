import { Button, FileButton, Group, Paper, Stack, Text } from "@mantine/core";
import { useRef, useState } from "react";
import { ConfirmButton } from "../../components/ConfirmButton";
import { useAction } from "../../lib/action";
import { formatDateTime } from "../../lib/time";
import { awaitingFirstSync, type CalendarView, calendarKeys, type SendStage, sendCalendarFile } from "./api";
import { countEvents, fileProblem } from "./calendar-text";
import { SendProgress } from "./SendProgress";
import { RefreshProblem, SubscriptionControls } from "./SubscriptionControls";

/** Where it comes from and when it was last read, in the viewer's zone. */
function describe(c: CalendarView, viewerZone: string): string {
  const source = c.kind === "file" ? "Uploaded file" : `Subscribed to ${c.host ?? "a web address"}`;
  const synced = c.lastSyncedAt
    ? `last synced ${formatDateTime(c.lastSyncedAt, viewerZone)}`
    : awaitingFirstSync(c)
      ? "fetching for the first time…"
      : "not synced yet";
  return `${source} · ${countEvents(c.eventCount)} · ${synced}`;
}

/** One calendar: what it is, its last sync or error; a new version of a file, or retry / a new address; remove. */
export function CalendarItem(props: {
  personId: string;
  calendar: CalendarView;
  viewerZone: string;
  onRemove(): void;
}) {
  const { personId, calendar: c } = props;
  const [stage, setStage] = useState<SendStage | null>(null);
  // Clears the hidden input after each pick, so choosing the same file again still sends it.
  const resetFile = useRef<() => void>(null);
  const replace = useAction(
    async (file: File) => {
      try {
        return await sendCalendarFile(personId, file, { calendarId: c.id }, setStage);
      } finally {
        setStage(null);
      }
    },
    { refresh: [calendarKeys.calendars(personId)] },
  );
  return (
    <Paper component="li" withBorder p="sm">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ flex: 1, minWidth: 200 }}>
            <Text fw={500}>{c.name}</Text>
            <Text size="sm" c="dimmed">
              {describe(c, props.viewerZone)}
            </Text>
            <RefreshProblem calendar={c} />
          </Stack>
          <Group gap="xs">
            {c.kind === "file" && (
              <FileButton
                resetRef={resetFile}
                accept=".ics,.ical,text/calendar"
                onChange={(file) => {
                  if (file) replace.mutate(file);
                  resetFile.current?.();
                }}
              >
                {(button) => (
                  <Button
                    {...button}
                    variant="subtle"
                    size="compact-sm"
                    loading={replace.isPending}
                    aria-label={`Replace the file of ${c.name}`}
                  >
                    Replace file
                  </Button>
                )}
              </FileButton>
            )}
            <ConfirmButton
              question={`Remove ${c.name}? Its busy time stops counting when Tandem looks for meeting times.`}
              confirmLabel="Remove calendar"
              aria-label={`Remove ${c.name}`}
              onConfirm={props.onRemove}
            >
              Remove
            </ConfirmButton>
          </Group>
        </Group>
        {c.kind === "url" && <SubscriptionControls personId={personId} calendar={c} />}
        {stage && <SendProgress stage={stage} label={`New file for ${c.name}`} />}
        <div aria-live="polite">
          {replace.isSuccess && !replace.isPending && (
            <Text size="sm" c="var(--mantine-color-green-light-color)">
              {replace.data.name}: {countEvents(replace.data.eventCount)} (replaced)
            </Text>
          )}
          {replace.isError && (
            <Text size="sm" c="var(--mantine-color-error)">
              {c.name} was not replaced: {fileProblem(replace.error)}
            </Text>
          )}
        </div>
      </Stack>
    </Paper>
  );
}
