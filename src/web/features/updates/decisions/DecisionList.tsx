import { Anchor, Badge, Card, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { formatDateTime } from "../../../lib/time";
import type { LogDecisionView } from "../api";
import { decisionAnchor, provenance, shortText } from "./log";

/** Decisions, newest first, each with where it was made, by whom and when, and its supersede links. */
export function DecisionList(props: {
  decisions: LogDecisionView[];
  zone: string;
  teamName(teamId: string): string | undefined;
}) {
  const byId = new Map(props.decisions.map((d) => [d.id, d]));
  return (
    <Stack
      gap="sm"
      component="ol"
      aria-label="Decisions"
      style={{ listStyle: "none", padding: 0, margin: 0 }}
    >
      {props.decisions.map((d) => {
        const from = provenance(d.source);
        const team = d.teamId ? props.teamName(d.teamId) : undefined;
        return (
          <Card key={d.id} withBorder component="li" id={decisionAnchor(d.id)} tabIndex={-1}>
            <Stack gap={4}>
              <Group gap="xs" justify="space-between" wrap="nowrap">
                <Text style={{ whiteSpace: "pre-wrap" }}>{d.text}</Text>
                {d.supersededBy && (
                  <Badge color="gray" variant="outline" style={{ flexShrink: 0 }}>
                    Superseded
                  </Badge>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                {from.words}{" "}
                <Anchor component={Link} to={from.to} size="sm" underline="always">
                  {d.source.title}
                </Anchor>{" "}
                · {d.decidedBy.name}, {formatDateTime(d.decidedAt, props.zone)}
                {team && ` · team ${team}`}
              </Text>
              <SupersedeLink label="Supersedes" id={d.supersedes} byId={byId} />
              <SupersedeLink label="Superseded by" id={d.supersededBy} byId={byId} />
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}

/** "Supersedes “…”": a jump to the other decision when it is in this list, else a note that it is filtered out. */
function SupersedeLink(props: { label: string; id: string | null; byId: Map<string, LogDecisionView> }) {
  if (!props.id) return null;
  const other = props.byId.get(props.id);
  return (
    <Text size="sm">
      {props.label}{" "}
      {other ? (
        <Anchor href={`#${decisionAnchor(other.id)}`} size="sm" underline="always">
          “{shortText(other.text)}”
        </Anchor>
      ) : (
        <Text span c="dimmed" inherit>
          a decision outside these filters
        </Text>
      )}
    </Text>
  );
}
