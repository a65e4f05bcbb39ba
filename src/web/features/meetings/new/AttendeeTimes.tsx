import { List, Text } from "@mantine/core";
import { useQueries } from "@tanstack/react-query";
import type { PersonView } from "../../../../contracts/people";
import { workingTimeQuery } from "../../../lib/resources";
import { formatDateTime } from "../../../lib/time";

/**
 * Each attendee's own clock at the meeting's start ("Priya · 21:30 her time"), shaded when the meeting
 * falls outside their working hours (never hidden).
 */
export function AttendeeTimes(props: {
  people: PersonView[];
  ids: string[];
  optional: ReadonlySet<string>;
  start: number | null;
  durationMinutes: number;
  viewerZone: string;
}) {
  const { start, viewerZone } = props;
  const span = start === null ? null : { start, end: start + props.durationMinutes * 60_000 };
  const hours = useQueries({
    queries: props.ids.map((id) => ({
      ...workingTimeQuery(id, span ?? { start: 0, end: 0 }),
      enabled: !!span,
    })),
  });
  if (span === null || props.ids.length === 0) return null;
  const byId = new Map(props.people.map((p) => [p.id, p]));
  const mine = formatDateTime(span.start, viewerZone);
  return (
    <List size="sm" spacing={2} listStyleType="none" aria-label="Each attendee's local time at the start">
      {props.ids.map((id, i) => {
        const person = byId.get(id);
        if (!person) return null;
        const theirs = formatDateTime(span.start, person.timeZone);
        const spans = hours[i]?.data;
        // Working through the whole meeting: one working interval covers it.
        const outside = spans !== undefined && !spans.some((s) => s.start <= span.start && s.end >= span.end);
        return (
          <List.Item
            key={id}
            style={
              outside
                ? { background: "var(--mantine-color-yellow-light)", borderRadius: 4, paddingInline: 4 }
                : undefined
            }
          >
            <Text span fw={500} inherit>
              {person.name}
            </Text>
            {theirs === mine ? " · same time as you" : ` · ${theirs} their time`}
            {props.optional.has(id) && " · optional"}
            {outside && (
              <Text span fw={700} inherit>
                {" "}
                · outside working hours
              </Text>
            )}
          </List.Item>
        );
      })}
    </List>
  );
}
