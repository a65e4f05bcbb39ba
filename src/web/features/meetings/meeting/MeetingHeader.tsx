import { Alert, Anchor, Badge, Group, List, Stack, Text, Title, Tooltip } from "@mantine/core";
import { Link } from "react-router";
import { formatDateTime, formatTime } from "../../../lib/time";
import { KIND_OPTIONS, ruleLabel } from "../../agreement";
import type { MeetingView } from "../api";
import type { MeetingContext } from "./context";
import { meetingPath } from "./context";

const STATUS: Record<MeetingView["status"], { label: string; color: string }> = {
  scheduled: { label: "Scheduled", color: "blue" },
  completed: { label: "Completed", color: "green" },
  cancelled: { label: "Cancelled", color: "red" },
};

const kindLabel = (kind: string) => KIND_OPTIONS.find((k) => k.value === kind)?.label ?? kind;
/** "Wed 14 Jan, 14:30–15:30" in `zone`. */
export function meetingTime(m: MeetingView, zone: string): string {
  return `${formatDateTime(m.start, zone)}–${formatTime(m.end, zone)}`;
}

/** Each attendee whose clock differs: "Priya: Wed 14 Jan, 21:30–22:30". */
function localTimes(m: MeetingView, zone: string): string[] {
  const mine = meetingTime(m, zone);
  return m.attendees
    .map((a) => ({ name: a.name, time: meetingTime(m, a.timeZone) }))
    .filter((a) => a.time !== mine)
    .map((a) => `${a.name}: ${a.time}`);
}

/** Title, kind, status, time (with each attendee's local time), cost, series, overrides and warnings. */
export function MeetingHeader({ meeting: m, zone, nameOf }: MeetingContext) {
  const others = localTimes(m, zone);
  const status = STATUS[m.status];
  const documents = m.preReadDocuments;
  return (
    <Stack gap="xs">
      <Anchor component={Link} to="/meetings" size="sm">
        ← Meetings
      </Anchor>
      <Group gap="sm" align="center">
        <Title order={1} size="h2">
          {m.title}
        </Title>
        <Badge color={status.color} variant="light">
          {status.label}
        </Badge>
        <Badge color="gray" variant="outline">
          {kindLabel(m.kind)}
        </Badge>
      </Group>
      <Group gap="md">
        <Tooltip
          label={others.length ? others.join(" · ") : "The same for everyone invited"}
          multiline
          w={320}
        >
          <Text fw={500} tabIndex={0}>
            {meetingTime(m, zone)}{" "}
            <Text span c="dimmed" inherit>
              ({m.durationMinutes} min, your time)
            </Text>
          </Text>
        </Tooltip>
        <Text size="sm" c="dimmed">
          Cost: {m.cost.personHours} person-hours · organised by {nameOf(m.organiserId)}
        </Text>
      </Group>
      {m.series && (
        <Group gap="sm">
          <Text size="sm">
            Meeting {m.series.index} of {m.series.total} (
            {m.series.frequency === "biweekly" ? "every 2 weeks" : m.series.frequency})
          </Text>
          {m.series.previousId && (
            <Anchor component={Link} to={meetingPath({ id: m.series.previousId })} size="sm">
              ← Previous
            </Anchor>
          )}
          {m.series.nextId && (
            <Anchor component={Link} to={meetingPath({ id: m.series.nextId })} size="sm">
              Next →
            </Anchor>
          )}
        </Group>
      )}
      {m.purpose && <Text>{m.purpose}</Text>}
      {m.location && <Text size="sm">Where: {m.location}</Text>}
      {m.description && (
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {m.description}
        </Text>
      )}
      {(documents.length > 0 || m.preReads.length > 0) && (
        <Text size="sm" component="div">
          Read first:{" "}
          {documents.map((d, i) => (
            <span key={d.id}>
              {i > 0 && " · "}
              <Anchor component={Link} to={`/docs/${d.id}`}>
                {d.title}
              </Anchor>
            </span>
          ))}
          {m.preReads.map((r, i) => (
            <span key={r.url}>
              {(documents.length > 0 || i > 0) && " · "}
              <Anchor href={r.url} target="_blank" rel="noopener noreferrer">
                {r.title ?? r.url}
              </Anchor>
            </span>
          ))}
        </Text>
      )}
      <MeetingAlerts meeting={m} zone={zone} nameOf={nameOf} />
    </Stack>
  );
}

function MeetingAlerts({ meeting: m, zone, nameOf }: Pick<MeetingContext, "meeting" | "zone" | "nameOf">) {
  return (
    <>
      {m.status === "cancelled" && (
        <Alert color="red" variant="light" title="Cancelled">
          {m.cancelledAt ? `Cancelled ${formatDateTime(m.cancelledAt, zone)}. ` : ""}
          The meeting is kept for the record; nothing on it can be changed.
        </Alert>
      )}
      {m.agendaMissing && m.status === "scheduled" && (
        <Alert color="yellow" variant="light" title="No agenda yet">
          The agreement asks for an agenda before the meeting. Add the items you want to cover; invited people
          may decline a meeting without one.
        </Alert>
      )}
      {m.overrides.map((o) => (
        <Alert key={`${o.at}-${o.by}`} color="orange" variant="light" title="The agreement was overridden">
          {o.ruleIds.map(ruleLabel).join(", ")}: “{o.reason}” — {nameOf(o.by)}, {formatDateTime(o.at, zone)}
        </Alert>
      ))}
      {m.warnings.length > 0 && m.status !== "cancelled" && (
        <Alert color="yellow" variant="light" title="What the agreement says about this meeting">
          <List size="sm">
            {m.warnings.map((w) => (
              <List.Item key={`${w.ruleId}-${w.personId ?? ""}`}>{w.text}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </>
  );
}
