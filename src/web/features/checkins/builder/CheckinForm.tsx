import {
  Button,
  Chip,
  Fieldset,
  Group,
  Input,
  NumberInput,
  Radio,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { ReactNode } from "react";
import { MAX_WINDOW_HOURS, START_OF_DAY } from "../../../../contracts/checkins";
import type { PersonView } from "../../../../contracts/people";
import type { TeamView } from "../../../../contracts/teams";
import { WEEKDAYS, type Weekday } from "../../../../contracts/week";
import { AttendeePicker } from "../../../components/AttendeePicker";
import { TeamSelect } from "../../../components/TeamSelect";
import { errorUnder, submitWith } from "../../../lib/action";
import { DAY_LONG, DAY_SHORT } from "../schedule-text";
import { type BuilderForm, previewBodyOf } from "./form";
import { QuestionsEditor } from "./QuestionsEditor";
import { SchedulePreview } from "./SchedulePreview";

/**
 * The ritual builder: who takes part, when (each person's own local time), the window, the reminder and
 * the questions, with the schedule preview following the choices. The server's messages sit beside
 * the fields they are about.
 */
export function CheckinForm(props: {
  label: string;
  form: BuilderForm;
  setForm(form: BuilderForm): void;
  /** Teams the viewer may run a ritual for (admins: all; leads: theirs). */
  teams: TeamView[];
  /** Everyone's teams, to add a whole team to the named people. */
  allTeams: TeamView[] | undefined;
  people: PersonView[];
  /** Admins may run a ritual for named people alone; leads choose one of their teams. */
  teamRequired: boolean;
  viewerZone: string;
  errors: Record<string, string>;
  pending: boolean;
  submitLabel: string;
  onSubmit(): void;
  children?: ReactNode;
}) {
  const { form, setForm, errors } = props;
  const atTime = form.localTime !== START_OF_DAY;
  return (
    <form aria-label={props.label} onSubmit={submitWith(props.onSubmit)} noValidate>
      <Stack gap="lg">
        <Fieldset legend="Name and people">
          <Stack gap="sm">
            <TextInput
              label="Name"
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
              error={errors.name}
              required
              maxLength={200}
            />
            <TeamSelect
              label="Team"
              description="Everyone in the team takes part, as the team changes."
              placeholder={props.teams.length === 0 ? "No team to choose" : "Choose a team"}
              teams={props.teams}
              value={form.teamId}
              onChange={(teamId) => setForm({ ...form, teamId })}
              clearable={!props.teamRequired}
              required={props.teamRequired}
              error={errors.teamId}
            />
            <AttendeePicker
              label="People"
              description="Named people take part too (besides the team, or instead of one)."
              people={props.people.filter((p) => p.status === "active")}
              teams={props.allTeams}
              value={form.participantIds}
              onChange={(participantIds) => setForm({ ...form, participantIds })}
              error={errorUnder(errors, "participantIds")}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend="Schedule">
          <Stack gap="sm">
            <Input.Wrapper
              label="Days"
              labelElement="div"
              id="checkin-days"
              description="Delivered on these days of each person's own week, unless they are away or not working."
              error={errorUnder(errors, "schedule.days")}
            >
              <Chip.Group
                multiple
                value={form.days}
                onChange={(days) =>
                  setForm({ ...form, days: WEEKDAYS.filter((d) => days.includes(d)) as Weekday[] })
                }
              >
                <Group gap="xs" mt={6} role="group" aria-labelledby="checkin-days-label">
                  {WEEKDAYS.map((d) => (
                    <Chip key={d} value={d} size="sm" aria-label={DAY_LONG[d]}>
                      {DAY_SHORT[d]}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </Input.Wrapper>
            <Radio.Group
              label="Time"
              description="Each person receives it at this time on their own clock, wherever they are that day."
              value={atTime ? "time" : START_OF_DAY}
              onChange={(mode) =>
                setForm({ ...form, localTime: mode === START_OF_DAY ? START_OF_DAY : "09:30" })
              }
              error={errors["schedule.localTime"]}
            >
              <Stack gap="xs" mt={6}>
                <Group gap="sm" align="center">
                  <Radio value="time" label="At" />
                  <TextInput
                    type="time"
                    aria-label="Local time"
                    value={atTime ? form.localTime : ""}
                    disabled={!atTime}
                    onChange={(e) => setForm({ ...form, localTime: e.currentTarget.value })}
                    w={130}
                  />
                </Group>
                <Radio value={START_OF_DAY} label="At the start of each person's working day" />
              </Stack>
            </Radio.Group>
            <Group align="flex-start" gap="lg" wrap="wrap">
              <NumberInput
                label="Window (hours)"
                description="How long answers are taken after it arrives."
                min={1}
                max={MAX_WINDOW_HOURS}
                value={form.windowHours}
                onChange={(windowHours) => setForm({ ...form, windowHours })}
                error={errors.windowHours}
                w={220}
              />
              <Switch
                mt="lg"
                label="Remind once"
                description="Inside the window and the person's working hours, if they have not answered."
                checked={form.reminder}
                onChange={(e) => setForm({ ...form, reminder: e.currentTarget.checked })}
              />
            </Group>
            <Title order={2} size="h5" id="schedule-preview-heading">
              When each person receives it
            </Title>
            <section aria-labelledby="schedule-preview-heading">
              <SchedulePreview body={previewBodyOf(form)} viewerZone={props.viewerZone} />
            </section>
          </Stack>
        </Fieldset>

        <Fieldset legend="Questions">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Asked in this order. Pulse questions are private: nobody sees an individual answer.
            </Text>
            <QuestionsEditor
              questions={form.questions}
              onChange={(questions) => setForm({ ...form, questions })}
              errors={errors}
            />
          </Stack>
        </Fieldset>

        {props.children}
        <Group>
          <Button type="submit" loading={props.pending}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
