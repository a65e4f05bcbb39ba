import { Anchor, List, Text } from "@mantine/core";
import { Link } from "react-router";
import { SectionCard } from "../../../components/SectionCard";
import { formatDateTime } from "../../../lib/time";
import type { UsedInView } from "../api";

const WHERE: Record<UsedInView["type"], { label: string; path: string; when: string }> = {
  meeting: { label: "Meeting", path: "/meetings", when: "starts" },
  update: { label: "Update", path: "/updates", when: "posted" },
};

/** The meetings that have it as a pre-read and the updates it is attached to (only those the viewer can see). */
export function UsedInCard({ usedIn, zone }: { usedIn: UsedInView[]; zone: string }) {
  return (
    <SectionCard id="used-in" title="Used in">
      {usedIn.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not linked yet. Add it as a pre-read when you plan a meeting, or attach it to an update.
        </Text>
      ) : (
        <List spacing={4} size="sm" listStyleType="none" ml={0} pl={0}>
          {usedIn.map((u) => (
            <List.Item key={`${u.type}-${u.id}`}>
              {WHERE[u.type].label}:{" "}
              <Anchor component={Link} to={`${WHERE[u.type].path}/${u.id}`}>
                {u.title}
              </Anchor>{" "}
              <Text span size="xs" c="dimmed">
                ({WHERE[u.type].when} <time dateTime={u.at}>{formatDateTime(u.at, zone)}</time>)
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </SectionCard>
  );
}
