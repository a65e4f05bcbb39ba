import { Button, Group, Radio, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { FormError } from "../../../components/FormError";
import { SectionCard } from "../../../components/SectionCard";
import { useMeetingAction } from "./api";
import type { MeetingContext } from "./context";

const SCALE = ["1", "2", "3", "4", "5"];

/** "Worth it?" after the end, for attendees; the aggregate only once enough have answered (the API decides). */
export function RatingCard({ meeting }: MeetingContext) {
  const { rating } = meeting;
  return (
    <SectionCard
      id="rating"
      title="Worth it?"
      intro="Answers are anonymous: the organiser sees only averages, once 3 or more people have answered."
    >
      {rating.worthItAverage !== undefined ? (
        <Text size="sm">
          Worth it: {rating.worthItAverage.toFixed(1)} of 5 on average ·{" "}
          {Math.round((rating.couldBeAsyncShare ?? 0) * 100)}% say it could have been async · {rating.count}{" "}
          answers
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {rating.count === 0
            ? "No answers yet."
            : `${rating.count} answered so far; results show from 3 answers.`}
        </Text>
      )}
      {rating.mine ? (
        <Text size="sm">Thank you — you have answered.</Text>
      ) : (
        <RatingForm meetingId={meeting.id} />
      )}
    </SectionCard>
  );
}

function RatingForm({ meetingId }: { meetingId: string }) {
  const [worthIt, setWorthIt] = useState<string | null>(null);
  const [couldBeAsync, setAsync] = useState<string | null>(null);
  const rate = useMeetingAction(
    (body: { worthIt: number; couldBeAsync: boolean }) => ({
      method: "POST",
      path: `/meetings/${meetingId}/rating`,
      body,
    }),
    { done: "Thanks for answering." },
  );
  const ready = worthIt !== null && couldBeAsync !== null;
  return (
    <Stack gap="xs">
      <Radio.Group
        label="Was it worth your time?"
        description="1 = not at all, 5 = very"
        value={worthIt}
        onChange={setWorthIt}
      >
        <Group mt={4}>
          {SCALE.map((n) => (
            <Radio key={n} value={n} label={n} />
          ))}
        </Group>
      </Radio.Group>
      <Radio.Group label="Could this have been async?" value={couldBeAsync} onChange={setAsync}>
        <Group mt={4}>
          <Radio value="yes" label="Yes" />
          <Radio value="no" label="No" />
        </Group>
      </Radio.Group>
      <Group>
        <Button
          disabled={!ready}
          loading={rate.isPending}
          onClick={() => rate.mutate({ worthIt: Number(worthIt), couldBeAsync: couldBeAsync === "yes" })}
        >
          Send answer
        </Button>
      </Group>
      <FormError error={rate.error} />
    </Stack>
  );
}
