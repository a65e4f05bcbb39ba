import { Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import type { Rules } from "../../../contracts/agreement";
import { FormError } from "../../components/FormError";
import { fieldErrors, useAction } from "../../lib/action";
import { api } from "../../lib/api";
import { agreementKeys } from "./api";
import { RulesForm } from "./RulesForm";
import { teamOverride } from "./team-override";

/** Field errors of the rules, keyed without the "rules." prefix the server puts on them. */
export function ruleErrors(error: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fieldErrors(error)).map(([path, message]) => [path.replace(/^rules\./, ""), message]),
  );
}

/** A team lead (or admin, hr) tightens the organisation's rules for one team; looser values are refused. */
export function TeamOverrideEditor(props: {
  teamId: string;
  teamName: string;
  effective: Rules;
  org: Rules;
}) {
  const [open, setOpen] = useState(false);
  const [rules, setRules] = useState<Rules>(props.effective);
  const [summary, setSummary] = useState("");
  const save = useAction(
    () =>
      api("PUT", `/teams/${props.teamId}/agreement`, {
        rules: teamOverride(rules, props.org),
        ...(summary.trim() ? { changeSummary: summary.trim() } : {}),
      }),
    {
      refresh: [agreementKeys.all],
      done: `Saved: ${props.teamName}'s members are asked to acknowledge the agreement again.`,
      onDone: () => setOpen(false),
    },
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(undefined);
  };
  if (!open) {
    return (
      <Group>
        <Button
          variant="light"
          onClick={() => {
            setRules(props.effective);
            save.reset();
            setOpen(true);
          }}
        >
          Tighten the rules for {props.teamName}
        </Button>
      </Group>
    );
  }
  return (
    <Card withBorder component="section" aria-labelledby="team-override-heading">
      <form onSubmit={onSubmit} aria-labelledby="team-override-heading">
        <Stack>
          <Title order={3} id="team-override-heading">
            Tighten the rules for {props.teamName}
          </Title>
          <Text size="sm" c="dimmed">
            A team may only make the organisation's rules stricter: shorter replies, smaller budgets, more
            live kinds or free days. Notification hours are the organisation's. Saving asks the team's members
            to acknowledge again.
          </Text>
          <RulesForm value={rules} onChange={setRules} errors={ruleErrors(save.error)} base={props.org} />
          <TextInput
            label="What changed (optional)"
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={fieldErrors(save.error).changeSummary}
          />
          <FormError error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save team rules
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
