import {
  Checkbox,
  Chip,
  Fieldset,
  Group,
  Input,
  MultiSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from "@mantine/core";
import type { MeetingKind, Rules } from "../../../contracts/agreement";
import { NUMBER_RULES, type NumberRuleName } from "../../../core/agreement/catalog";
import { WEEKDAYS, type Weekday } from "../../../core/time/types";
import { capitalise, dayName, KIND_OPTIONS, kindsInWords } from "./rules-text";

export interface RulesFormProps {
  value: Rules;
  onChange(next: Rules): void;
  /** Field errors keyed by rule path ("maxMeetingMinutes", "focus.window.start", "mustBeLive[0]"). */
  errors: Record<string, string>;
  /** The organisation's rules when this edits a team's override: only tightening is offered. */
  base?: Rules | undefined;
}

/** The error for `path` or anything below it. */
export function errorFor(errors: Record<string, string>, path: string): string | undefined {
  if (errors[path]) return errors[path];
  return Object.entries(errors).find(([k]) => k.startsWith(`${path}[`) || k.startsWith(`${path}.`))?.[1];
}

const toNumber = (v: string | number) =>
  typeof v === "number" ? v : v.trim() === "" ? Number.NaN : Number(v);

const NUMBER_SETTERS: Record<NumberRuleName, (r: Rules, v: number) => Rules> = {
  "replyWithinWorkingHours.urgent": (r, v) => ({
    ...r,
    replyWithinWorkingHours: { ...r.replyWithinWorkingHours, urgent: v },
  }),
  "replyWithinWorkingHours.normal": (r, v) => ({
    ...r,
    replyWithinWorkingHours: { ...r.replyWithinWorkingHours, normal: v },
  }),
  "replyWithinWorkingHours.low": (r, v) => ({
    ...r,
    replyWithinWorkingHours: { ...r.replyWithinWorkingHours, low: v },
  }),
  agendaRequiredHoursBefore: (r, v) => ({ ...r, agendaRequiredHoursBefore: v }),
  "meetingBudget.weeklyHours": (r, v) => ({ ...r, meetingBudget: { ...r.meetingBudget, weeklyHours: v } }),
  "meetingBudget.dailyHours": (r, v) => ({ ...r, meetingBudget: { ...r.meetingBudget, dailyHours: v } }),
  "focus.minDailyHours": (r, v) => ({ ...r, focus: { ...r.focus, minDailyHours: v } }),
  maxMeetingMinutes: (r, v) => ({ ...r, maxMeetingMinutes: v }),
  maxAttendees: (r, v) => ({ ...r, maxAttendees: v }),
  escalateAfterComments: (r, v) => ({ ...r, escalateAfterComments: v }),
};

const NUMBER_LABELS: Record<NumberRuleName, string> = {
  "replyWithinWorkingHours.urgent": "Urgent requests (working hours)",
  "replyWithinWorkingHours.normal": "Normal requests (working hours)",
  "replyWithinWorkingHours.low": "Low-urgency requests (working hours)",
  agendaRequiredHoursBefore: "Agenda shared before a meeting (hours)",
  "meetingBudget.weeklyHours": "Meeting hours a week, per person",
  "meetingBudget.dailyHours": "Meeting hours a day, per person",
  "focus.minDailyHours": "Focus hours a day, at least",
  maxMeetingMinutes: "Longest meeting (minutes)",
  maxAttendees: "Most people in a meeting",
  escalateAfterComments: "Comments before a thread is offered a meeting",
};

const WHOLE_NUMBERS: NumberRuleName[] = ["maxMeetingMinutes", "maxAttendees", "escalateAfterComments"];

/** The agreement's rules as a form: the organisation's, or a team's override when `base` is given. */
export function RulesForm({ value, onChange, errors, base }: RulesFormProps) {
  const number = (name: NumberRuleName) => {
    const rule = NUMBER_RULES[name];
    const current = rule.get(value) ?? Number.NaN;
    const orgValue = base ? rule.get(base) : undefined;
    const direction = rule.stricter === "lower" ? "lower" : "raise";
    return (
      <NumberInput
        key={name}
        label={NUMBER_LABELS[name]}
        min={WHOLE_NUMBERS.includes(name) ? (name === "escalateAfterComments" ? 2 : 1) : 0}
        allowDecimal={!WHOLE_NUMBERS.includes(name)}
        value={Number.isNaN(current) ? "" : current}
        onChange={(v) => onChange(NUMBER_SETTERS[name](value, toNumber(v)))}
        description={
          orgValue === undefined
            ? undefined
            : `Organisation: ${rule.format(orgValue)}; a team may only ${direction} it.`
        }
        error={errorFor(errors, name)}
      />
    );
  };

  const kinds = (key: "mustBeLive" | "preferAsync", label: string, teamLabel: string) => {
    const fixed = base?.[key] ?? [];
    return (
      <MultiSelect
        label={base ? teamLabel : label}
        data={KIND_OPTIONS.filter((o) => !fixed.includes(o.value))}
        value={value[key].filter((k) => !fixed.includes(k))}
        onChange={(picked) => onChange({ ...value, [key]: [...fixed, ...(picked as MeetingKind[])] })}
        description={
          fixed.length > 0 && base
            ? `Already for everyone: ${kindsInWords(fixed)}.`
            : "Choose kinds of meeting; leave empty for none."
        }
        placeholder={value[key].length === fixed.length ? "None" : undefined}
        searchable
        clearable
        error={errorFor(errors, key)}
      />
    );
  };

  const flag = (key: "sensitiveIsLive" | "informIsAsync", label: string) => {
    const lockedOn = base?.[key] === true;
    return (
      <Switch
        label={label}
        checked={value[key]}
        disabled={lockedOn}
        description={lockedOn ? "Set by the organisation; a team may not turn it off." : undefined}
        onChange={(e) => onChange({ ...value, [key]: e.currentTarget.checked })}
        error={errorFor(errors, key)}
      />
    );
  };

  const window = value.focus.window;
  const setWindow = (next: Rules["focus"]["window"]) => {
    const { window: _old, ...focus } = value.focus;
    onChange({ ...value, focus: next ? { ...focus, window: next } : focus });
  };

  return (
    <Stack>
      <Fieldset legend="Live or written">
        <Stack>
          {kinds("mustBeLive", "Always live", "Also always live in this team")}
          {kinds("preferAsync", "Better in writing", "Also written in this team")}
          {flag("sensitiveIsLive", "Personal and confidential conversations happen live")}
          {flag("informIsAsync", "Anything that only informs is written, not met")}
        </Stack>
      </Fieldset>

      <Fieldset legend="Reply times">
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          {number("replyWithinWorkingHours.normal")}
          {number("replyWithinWorkingHours.urgent")}
          {number("replyWithinWorkingHours.low")}
          {number("escalateAfterComments")}
        </SimpleGrid>
      </Fieldset>

      {!base && <NotificationHours value={value} onChange={onChange} errors={errors} />}

      <Fieldset legend="Meetings">
        <Stack>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            {number("maxMeetingMinutes")}
            {number("maxAttendees")}
            {number("meetingBudget.weeklyHours")}
            {number("meetingBudget.dailyHours")}
            {number("agendaRequiredHoursBefore")}
          </SimpleGrid>
          <Input.Wrapper
            label="No-meeting days"
            labelElement="div"
            id="no-meeting-days"
            description={
              base && base.noMeetingDays.length > 0
                ? "Days the organisation keeps free stay free."
                : "Days nobody books meetings."
            }
            error={errorFor(errors, "noMeetingDays")}
          >
            <Chip.Group
              multiple
              value={value.noMeetingDays}
              onChange={(days) =>
                onChange({ ...value, noMeetingDays: WEEKDAYS.filter((d) => days.includes(d)) as Weekday[] })
              }
            >
              <Group gap="xs" mt={6} role="group" aria-labelledby="no-meeting-days-label">
                {WEEKDAYS.map((d) => (
                  <Chip key={d} value={d} size="sm" disabled={base?.noMeetingDays.includes(d)}>
                    {dayName(d)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Input.Wrapper>
        </Stack>
      </Fieldset>

      <Fieldset legend="Focus">
        <Stack>
          {number("focus.minDailyHours")}
          <Checkbox
            label="Only within a set window of the day"
            checked={window !== undefined}
            onChange={(e) =>
              setWindow(e.currentTarget.checked ? { start: "09:00", end: "11:00" } : undefined)
            }
          />
          {window && (
            <TimeRange
              name="Focus window"
              value={window}
              onChange={setWindow}
              errors={errors}
              path="focus.window"
            />
          )}
        </Stack>
      </Fieldset>
    </Stack>
  );
}

function NotificationHours({ value, onChange, errors }: Omit<RulesFormProps, "base">) {
  const hours = value.notificationHours;
  return (
    <Fieldset legend="Notification hours">
      <Stack>
        <Radio.Group
          label="Notifications arrive"
          value={hours === "working_hours" ? "working_hours" : "set"}
          onChange={(v) =>
            onChange({
              ...value,
              notificationHours: v === "working_hours" ? "working_hours" : { start: "09:00", end: "17:00" },
            })
          }
        >
          <Stack gap="xs" mt={6}>
            <Radio value="working_hours" label="In each person's working hours" />
            <Radio value="set" label="Between set hours, in each person's zone" />
          </Stack>
        </Radio.Group>
        {hours !== "working_hours" && (
          <TimeRange
            name="Notification hours"
            value={hours}
            onChange={(next) => onChange({ ...value, notificationHours: next })}
            errors={errors}
            path="notificationHours"
          />
        )}
      </Stack>
    </Fieldset>
  );
}

function TimeRange(props: {
  name: string;
  value: { start: string; end: string };
  onChange(next: { start: string; end: string }): void;
  errors: Record<string, string>;
  path: string;
}) {
  const { value, onChange, errors, path } = props;
  return (
    <Group grow>
      {(["start", "end"] as const).map((end) => (
        <TextInput
          key={end}
          type="time"
          label={`${capitalise(props.name)} ${end}`}
          value={value[end]}
          onChange={(e) => onChange({ ...value, [end]: e.currentTarget.value })}
          error={errorFor(errors, `${path}.${end}`)}
        />
      ))}
    </Group>
  );
}
