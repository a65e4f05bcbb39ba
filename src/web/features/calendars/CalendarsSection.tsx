import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { EmptyHint } from "../../components/EmptyHint";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { SectionCard } from "../../components/SectionCard";
import { bindFields, submitWith, useAction } from "../../lib/action";
import { api } from "../../lib/api";
import { type CalendarView, calendarKeys, subscribeToCalendar, useCalendars } from "./api";
import { CalendarItem } from "./CalendarItem";
import { UploadCalendars } from "./UploadCalendars";

/** A person's calendars: uploaded files and subscribed addresses, whose busy time scheduling avoids. */
export function CalendarsSection({ personId, viewerZone }: { personId: string; viewerZone: string }) {
  const calendars = useCalendars(personId);
  const remove = useAction((c: CalendarView) => api("DELETE", `/people/${personId}/calendars/${c.id}`), {
    refresh: [calendarKeys.calendars(personId)],
    done: "Calendar removed",
  });
  const list = calendars.data ?? [];
  return (
    <SectionCard
      id="calendars"
      title="Calendars"
      intro="Tandem reads when you are busy from these calendars, so Find a time steers around your meetings. Colleagues see only busy or free, never what the events are."
    >
      {calendars.isPending && <Loading />}
      {calendars.isError && <Loading error={calendars.error} />}
      {calendars.isSuccess && list.length === 0 && (
        <EmptyHint title="No calendars yet">
          Add the calendar you already use: upload an export (.ics file) or paste its private address (an iCal
          link) below.
        </EmptyHint>
      )}
      {list.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }} aria-label="Your calendars">
          {list.map((c) => (
            <CalendarItem
              key={c.id}
              personId={personId}
              calendar={c}
              viewerZone={viewerZone}
              onRemove={() => remove.mutate(c)}
            />
          ))}
        </Stack>
      )}
      <FormError error={remove.error} />
      <UploadCalendars personId={personId} />
      <SubscribeForm personId={personId} />
    </SectionCard>
  );
}

/** A calendar by its address (Google's "secret address in iCal format", Outlook's ICS link): fetched by a job. */
function SubscribeForm({ personId }: { personId: string }) {
  const [form, setForm] = useState({ name: "", url: "" });
  const add = useAction(() => subscribeToCalendar(personId, form), {
    refresh: [calendarKeys.calendars(personId)],
    done: "Calendar added; Tandem fetches it now and every hour",
    onDone: () => setForm({ name: "", url: "" }),
  });
  const field = bindFields(form, setForm, add.error);
  return (
    <form onSubmit={submitWith(() => add.mutate(undefined))} aria-label="Add a calendar by its address">
      <Stack gap="xs">
        <Text fw={500}>Or add a calendar by its address</Text>
        <Group align="flex-start" gap="xs">
          <TextInput label="Name" required {...field("name")} style={{ flex: "1 1 160px" }} />
          <TextInput
            label="Calendar address (iCal link)"
            description="https://… or webcal://…; it stays private, only its host is shown"
            type="url"
            required
            {...field("url")}
            style={{ flex: "3 1 240px" }}
          />
        </Group>
        <FormError error={add.error} />
        <Group>
          <Button type="submit" variant="light" loading={add.isPending}>
            Add calendar
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
