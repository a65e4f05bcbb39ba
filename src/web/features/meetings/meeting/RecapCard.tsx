import { List, Stack, Text, Title } from "@mantine/core";
import { SectionCard } from "../../../components/SectionCard";
import { formatDate, formatDateTime } from "../../../lib/time";
import type { RecapView } from "../api";
import type { MeetingContext } from "./context";

/** The recap sent to everyone invited when the meeting was completed, follow-async people included. */
export function RecapCard({ recap, ctx }: { recap: RecapView; ctx: MeetingContext }) {
  const { zone, nameOf } = ctx;
  return (
    <SectionCard
      id="recap"
      title="Recap"
      intro={`Sent to everyone invited, including those following async, ${formatDateTime(recap.completedAt, zone)}.`}
    >
      <Part title="Decisions" empty="No decisions were recorded.">
        {recap.decisions.map((d) => (
          <List.Item key={d.id}>{d.text}</List.Item>
        ))}
      </Part>
      <Part title="Action items" empty="No action items.">
        {recap.actionItems.map((a) => (
          <List.Item key={a.id}>
            {a.text} — {nameOf(a.ownerId)}
            {a.due && `, due ${formatDate(a.due)}`}
          </List.Item>
        ))}
      </Part>
      <Part title="Covered" empty="No agenda item was marked covered.">
        {recap.covered.map((t) => (
          <List.Item key={t}>{t}</List.Item>
        ))}
      </Part>
      {recap.uncovered.length > 0 && (
        <Part title="Not covered" empty="">
          {recap.uncovered.map((t) => (
            <List.Item key={t}>{t}</List.Item>
          ))}
        </Part>
      )}
      {recap.notesSummary && (
        <Stack gap={2}>
          <Title order={4}>Notes</Title>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {recap.notesSummary}
          </Text>
        </Stack>
      )}
    </SectionCard>
  );
}

function Part(props: { title: string; empty: string; children: React.ReactNode[] }) {
  return (
    <Stack gap={2}>
      <Title order={4}>{props.title}</Title>
      {props.children.length === 0 ? (
        <Text size="sm" c="dimmed">
          {props.empty}
        </Text>
      ) : (
        <List size="sm">{props.children}</List>
      )}
    </Stack>
  );
}
