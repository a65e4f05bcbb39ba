import { Anchor, Text } from "@mantine/core";
import { Link } from "react-router";
import { formatTime } from "../lib/time";

/** "Priya · 21:30 their time": the other person's local time beside their name when it differs from the viewer's. */
export function PersonName(props: {
  person: { id: string; name: string; timeZone: string };
  viewerZone: string;
  now: number;
  link?: boolean;
}) {
  const { person, viewerZone, now } = props;
  const theirs = formatTime(now, person.timeZone);
  const differs = theirs !== formatTime(now, viewerZone);
  return (
    <Text component="span" size="sm">
      {props.link ? (
        <Anchor component={Link} to={`/team/people/${person.id}`} fw={500}>
          {person.name}
        </Anchor>
      ) : (
        <Text component="span" fw={500} inherit>
          {person.name}
        </Text>
      )}
      {differs && (
        <Text component="span" c="dimmed" inherit>
          {" "}
          · {theirs} their time
        </Text>
      )}
    </Text>
  );
}
