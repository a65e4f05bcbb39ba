import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import type { RotationBody } from "../../../contracts/scheduling";
import { AttendeePicker } from "../../components/AttendeePicker";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { fieldErrors, submitWith, useAction } from "../../lib/action";
import { usePeople, useTeams } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { planRotation, schedulingKeys } from "./api";
import { CreateMeetingsForm } from "./CreateMeetingsForm";
import { todayAnd, windowOfDates } from "./dates";
import { CountInput, DateField, LengthInput } from "./fields";
import { LedgerSection, SavedRotations } from "./LedgerSection";
import { BurdenChart, RotationSchedule } from "./RotationPlan";

interface Question {
  attendees: string[];
  durationMinutes: number;
  occurrences: number;
  first: string;
  name: string;
}

function toBody(q: Question, zone: string, save: boolean): RotationBody {
  return {
    attendees: q.attendees.map((personId) => ({ personId })),
    durationMinutes: q.durationMinutes,
    occurrences: q.occurrences,
    cadence: "weekly",
    from: new Date(windowOfDates(zone, q.first, q.first).start).toISOString(),
    save,
    ...(q.name.trim() ? { name: q.name.trim() } : {}),
  };
}

/** "Rotation": weekly times that share out the early, late and outside-hours slots, and the ledger. */
export function RotationPage() {
  const viewer = useViewer();
  const people = usePeople();
  const teams = useTeams();
  const [q, setQ] = useState<Question>(() => ({
    attendees: [viewer.person.id],
    durationMinutes: 45,
    occurrences: 8,
    first: todayAnd(viewer.zone, Date.now(), 1)[1],
    name: "",
  }));
  const set = <K extends keyof Question>(key: K, value: Question[K]) =>
    setQ((prev) => ({ ...prev, [key]: value }));
  const plan = useAction(async (asked: Question) => ({
    plan: await planRotation(toBody(asked, viewer.zone, false)),
    asked,
  }));
  const save = useAction((asked: Question) => planRotation(toBody(asked, viewer.zone, true)), {
    refresh: [schedulingKeys.all],
    done: "Rotation saved; its inconvenience is on the ledger",
  });
  const errors = fieldErrors(plan.error ?? save.error);
  if (!people.data) return <Loading error={people.error} />;
  const names = new Map(people.data.map((p) => [p.id, p.name]));
  const planned = plan.data;
  const who = (planned?.asked.attendees ?? []).flatMap((id) => people.data.find((p) => p.id === id) ?? []);
  const stale = planned && JSON.stringify(planned.asked) !== JSON.stringify(q);
  const savedThis = save.data && save.variables === planned?.asked;
  // The saved plan is planned afresh on the server: show what was stored.
  const shown = savedThis && save.data ? save.data : planned?.plan;

  return (
    <Stack>
      <Title order={1} size="h2">
        Rotation
      </Title>
      <Text c="dimmed">
        For a weekly meeting across zones with little shared working time: the times move from week to week so
        that nobody always takes the early or the late one. Times are in your zone ({viewer.zone}).
      </Text>
      <Card withBorder component="form" onSubmit={submitWith(() => plan.mutate(q))} aria-label="The meeting">
        <Stack gap="sm">
          <AttendeePicker
            label="Who takes part"
            people={people.data}
            teams={teams.data}
            value={q.attendees}
            onChange={(ids) => set("attendees", ids)}
            error={errors.attendees}
            required
          />
          <Group align="flex-start" gap="sm" wrap="wrap">
            <LengthInput
              value={q.durationMinutes}
              onChange={(v) => set("durationMinutes", v)}
              error={errors.durationMinutes}
            />
            <CountInput
              label="How many weeks"
              min={1}
              max={52}
              value={q.occurrences}
              onChange={(v) => set("occurrences", v)}
              error={errors.occurrences}
            />
            <DateField
              label="First week starts"
              value={q.first}
              onChange={(v) => set("first", v)}
              error={errors.from}
            />
            <TextInput
              label="Name (for saving)"
              placeholder="Cross-zone sync"
              value={q.name}
              onChange={(e) => set("name", e.currentTarget.value)}
              error={errors.name}
              maxLength={200}
            />
          </Group>
          <FormError error={plan.error ?? save.error} />
          <Group>
            <Button type="submit" loading={plan.isPending}>
              Plan the rotation
            </Button>
          </Group>
        </Stack>
      </Card>
      {plan.isPending && <Loading />}
      {planned && shown && !plan.isPending && (
        <Card withBorder component="section" aria-labelledby="schedule-heading">
          <Stack gap="md">
            <Title order={3} id="schedule-heading">
              The schedule
            </Title>
            {stale && (
              <Alert color="yellow">The form has changed since this plan: plan again before saving.</Alert>
            )}
            <RotationSchedule plan={shown} people={who} viewerZone={viewer.zone} />
            <BurdenChart burdenByPerson={shown.burdenByPerson} people={who} />
            <Group>
              <Button
                onClick={() => save.mutate(planned.asked)}
                loading={save.isPending}
                disabled={Boolean(stale) || Boolean(savedThis)}
              >
                {savedThis ? "Saved" : "Save rotation"}
              </Button>
              {savedThis && <Text size="sm">Saved: its occurrences are on the ledger below.</Text>}
            </Group>
            {savedThis && save.data?.rotationId && (
              <CreateMeetingsForm
                rotation={{
                  id: save.data.rotationId,
                  name: planned.asked.name.trim() || null,
                  durationMinutes: planned.asked.durationMinutes,
                  occurrences: save.data.occurrences,
                }}
              />
            )}
          </Stack>
        </Card>
      )}
      <LedgerSection teams={teams.data} viewerZone={viewer.zone} />
      <SavedRotations names={names} viewerZone={viewer.zone} />
    </Stack>
  );
}
