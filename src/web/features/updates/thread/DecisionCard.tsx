import { Alert, Anchor, Button, Group, Select, Stack, Text, Textarea } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { Link } from "react-router";
import { FormError } from "../../../components/FormError";
import { SectionCard } from "../../../components/SectionCard";
import { fieldErrors, submitWith } from "../../../lib/action";
import { formatDateTime } from "../../../lib/time";
import { useDecisions } from "../api";
import { decisionAnchor, shortText } from "../decisions/log";
import { useThreadAction } from "./api";
import type { ThreadContext } from "./context";

/** The thread's decision once recorded (it closed the thread); before that, the box for those who may decide. */
export function DecisionCard(ctx: ThreadContext) {
  const { update: u, zone } = ctx;
  const d = u.decision;
  if (d) {
    return (
      <Alert color="green" variant="light" title="Decision" role="region">
        <Stack gap={4}>
          <Text style={{ whiteSpace: "pre-wrap" }}>{d.text}</Text>
          <Text size="xs" c="dimmed">
            Recorded by {d.decidedBy.name}, {formatDateTime(d.decidedAt, zone)}. The thread is closed
            {d.supersedes && (
              <>
                {" · it supersedes "}
                <Anchor
                  component={Link}
                  to={`/updates/decisions#${decisionAnchor(d.supersedes)}`}
                  size="xs"
                  underline="always"
                >
                  an earlier decision
                </Anchor>
              </>
            )}
            {d.supersededBy && (
              <>
                {" · since superseded by "}
                <Anchor
                  component={Link}
                  to={`/updates/decisions#${decisionAnchor(d.supersededBy)}`}
                  size="xs"
                  underline="always"
                >
                  a later decision
                </Anchor>
              </>
            )}
            .
          </Text>
        </Stack>
      </Alert>
    );
  }
  if (!u.can.decide || u.closedAt) return null;
  return (
    <SectionCard
      id="decide"
      title="Record the decision"
      intro="Recording a decision closes the thread and adds it to the decision log, where everyone can find it."
    >
      <DecisionForm {...ctx} />
    </SectionCard>
  );
}

function DecisionForm({ update: u }: ThreadContext) {
  const [text, setText] = useState("");
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const earlier = useDecisions({ q });
  const decide = useThreadAction(
    (body: { text: string; supersedes?: string }) => ({
      method: "POST",
      path: `/updates/${u.id}/decision`,
      body,
    }),
    { done: "Decision recorded; the thread is closed." },
  );
  const errors = fieldErrors(decide.error);
  const found = (earlier.data?.decisions ?? []).map((d) => ({
    value: d.id,
    label: `${shortText(d.text)} — ${d.source.title}`,
  }));
  // The chosen decision stays a choice while the search moves on to other words.
  const options = chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;
  const supersedes = chosen?.value;
  return (
    <form
      aria-label="Record the decision"
      onSubmit={submitWith(() => decide.mutate({ text: text.trim(), ...(supersedes ? { supersedes } : {}) }))}
    >
      <Stack gap="xs">
        <Textarea
          label="Decision"
          autosize
          minRows={2}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errors.text}
        />
        <Select
          label="Supersedes (optional)"
          description="An earlier decision this one replaces; the two are linked both ways in the log."
          placeholder="Search earlier decisions"
          searchable
          clearable
          searchValue={search}
          onSearchChange={setSearch}
          // The server searches; every option it sends is a match.
          filter={({ options: all }) => all}
          data={options}
          value={chosen?.value ?? null}
          onChange={(_, option) => setChosen(option ? { value: option.value, label: option.label } : null)}
          nothingFoundMessage={earlier.isFetching ? "Searching…" : "No decision matches"}
          error={errors.supersedes}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={decide.isPending} disabled={text.trim() === ""}>
            Record decision
          </Button>
        </Group>
        <FormError error={decide.error} />
      </Stack>
    </form>
  );
}
