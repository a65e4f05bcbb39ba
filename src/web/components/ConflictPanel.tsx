import { Alert, Button, Group, List, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { MIN_OVERRIDE_REASON, type Violation } from "../../contracts/meetings";
import { ApiError } from "../lib/api";

/** The violations of a 409 `agreement_conflict`, or null for any other failure. */
export function conflictOf(error: unknown): Violation[] | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.body?.code !== "agreement_conflict")
    return null;
  const details = error.body.details as { violations?: Violation[] } | undefined;
  return details?.violations ?? [];
}

/**
 * The agreement's blocking rules this meeting breaks, each as a sentence, and the way past them: a
 * reason (stored, shown on the meeting and audited) sent as `override`.
 */
export function ConflictPanel(props: {
  violations: Violation[];
  pending: boolean;
  reasonError?: string;
  onOverride: (reason: string) => void;
  /** Changing an existing meeting: "save" where a new one says "create". */
  editing?: boolean;
}) {
  const verb = props.editing ? "save" : "create";
  const [reason, setReason] = useState("");
  const [tooShort, setTooShort] = useState(false);
  const submit = () => {
    const short = reason.trim().length < MIN_OVERRIDE_REASON;
    setTooShort(short);
    if (!short) props.onOverride(reason.trim());
  };
  return (
    <Alert color="red" title="This meeting goes against the working agreement" role="alert">
      <Stack gap="sm">
        <List size="sm" spacing={4} aria-label="What the agreement says">
          {props.violations.map((v) => (
            <List.Item key={`${v.ruleId}-${v.personId ?? ""}-${v.text}`}>{v.text}</List.Item>
          ))}
        </List>
        <Text size="sm">
          Change the meeting above and {verb} it again, or say why it has to break the agreement. Your reason
          is kept on the meeting for everyone invited to see, and in the audit log.
        </Text>
        <Textarea
          label="Why this meeting cannot follow the agreement"
          description={`At least ${MIN_OVERRIDE_REASON} characters.`}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={tooShort ? `Say why in at least ${MIN_OVERRIDE_REASON} characters` : props.reasonError}
        />
        <Group>
          <Button color="red.9" onClick={submit} loading={props.pending}>
            {props.editing ? "Save it anyway, with this reason" : "Create it anyway, with this reason"}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
