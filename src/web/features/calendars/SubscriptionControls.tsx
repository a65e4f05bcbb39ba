import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { FormError } from "../../components/FormError";
import { bindFields, submitWith, useAction } from "../../lib/action";
import { type CalendarView, calendarKeys, changeCalendarAddress, retryCalendar } from "./api";
import { plainProblem } from "./calendar-text";

/** Why a subscribed calendar is not up to date: a broken one says what to do next. */
export function RefreshProblem({ calendar: c }: { calendar: CalendarView }) {
  if (!c.lastError) return null;
  return (
    <Text size="sm" c="var(--mantine-color-error)">
      {c.broken
        ? `Stopped refreshing after ${c.failedRefreshes} failures: ${plainProblem(c.lastError)}. Check the address and press Retry.`
        : `The last refresh failed: ${plainProblem(c.lastError)}. Tandem keeps the events it had and tries again within the hour.`}
    </Text>
  );
}

/** Retry now, or give the calendar a new address; both fetch it at once and show the outcome. */
export function SubscriptionControls({
  personId,
  calendar: c,
}: {
  personId: string;
  calendar: CalendarView;
}) {
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState({ url: "" });
  const refresh = [calendarKeys.calendars(personId)];
  const retry = useAction(() => retryCalendar(personId, c.id), { refresh });
  const move = useAction(() => changeCalendarAddress(personId, c.id, form.url), {
    refresh,
    onDone: () => setEditing(false),
  });
  const field = bindFields(form, setForm, move.error);
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {c.lastError && (
          <Button
            variant="light"
            size="compact-sm"
            loading={retry.isPending}
            onClick={() => retry.mutate(undefined)}
            aria-label={`Retry ${c.name} now`}
          >
            Retry
          </Button>
        )}
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => setEditing(!editing)}
          aria-expanded={editing}
        >
          Change address
        </Button>
      </Group>
      <FormError error={retry.error} />
      {editing && (
        <form onSubmit={submitWith(() => move.mutate(undefined))} aria-label={`New address for ${c.name}`}>
          <Group align="flex-end" gap="xs">
            <TextInput
              label="New calendar address (iCal link)"
              type="url"
              required
              {...field("url")}
              style={{ flex: "1 1 240px" }}
            />
            <Button type="submit" variant="light" loading={move.isPending}>
              Save and fetch
            </Button>
          </Group>
          <FormError error={move.error} />
        </form>
      )}
    </Stack>
  );
}
