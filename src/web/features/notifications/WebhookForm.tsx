import { Checkbox, Radio, Select, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { NOTIFICATION_KINDS, type NotificationKind, WEBHOOK_FORMATS } from "../../../contracts/notifications";
import type { TeamView } from "../../../contracts/teams";
import { FormSection } from "../../components/FormSection";
import { fieldErrors, useAction } from "../../lib/action";
import { api } from "../../lib/api";
import { notificationKeys, type WebhookView } from "./api";
import { KIND_LABELS } from "./kinds";
import { FORMAT_LABELS } from "./webhook-text";

export type Created = { webhook: WebhookView; secret: string };

/** The team choice meaning "no team": not a team id, so never mistaken for one. */
const ORGANISATION = "organisation";

/**
 * A new webhook: where to send, in which format, which events, and (for a team's) which team.
 * `teams` are those the viewer may choose; `wholeOrganisation` whether they may choose none.
 */
export function WebhookForm(props: {
  teams: TeamView[];
  wholeOrganisation: boolean;
  onCreated(created: Created): void;
}) {
  const firstTeam = props.wholeOrganisation ? ORGANISATION : (props.teams[0]?.id ?? ORGANISATION);
  const empty = { url: "", format: "signed" as WebhookView["format"], events: [] as NotificationKind[] };
  const [form, setForm] = useState({ ...empty, teamId: firstTeam });
  const create = useAction(
    () =>
      api<Created>("POST", "/webhooks", {
        url: form.url.trim(),
        format: form.format,
        events: form.events,
        ...(form.teamId !== ORGANISATION ? { teamId: form.teamId } : {}),
      }),
    {
      refresh: [notificationKeys.webhooks],
      onDone: (created) => {
        setForm({ ...empty, teamId: form.teamId });
        props.onCreated(created);
      },
    },
  );
  const errors = fieldErrors(create.error);
  const teamOptions = [
    ...(props.wholeOrganisation ? [{ value: ORGANISATION, label: "The whole organisation" }] : []),
    ...props.teams.map((t) => ({ value: t.id, label: `Team ${t.name}` })),
  ];
  return (
    <FormSection
      id="new-webhook"
      title="Add a webhook"
      intro="Tandem posts each chosen event to this address, retrying for a day if it fails."
      action="Add webhook"
      save={create}
    >
      <TextInput
        label="Address (URL)"
        description="https://… — the receiver's address, e.g. a Slack incoming webhook"
        value={form.url}
        onChange={(e) => setForm({ ...form, url: e.currentTarget.value })}
        error={errors.url}
        required
      />
      <Radio.Group
        label="Format"
        value={form.format}
        onChange={(format) => setForm({ ...form, format: format as WebhookView["format"] })}
        error={errors.format}
      >
        <Stack gap={6} mt={4}>
          {WEBHOOK_FORMATS.map((f) => (
            <Radio key={f} value={f} label={FORMAT_LABELS[f]} />
          ))}
        </Stack>
      </Radio.Group>
      <Checkbox.Group
        label="Events"
        description="What to send; choose at least one."
        value={form.events}
        onChange={(events) => setForm({ ...form, events: events as NotificationKind[] })}
        error={errors.events ?? Object.entries(errors).find(([k]) => k.startsWith("events"))?.[1]}
      >
        <Stack gap={6} mt={4}>
          {NOTIFICATION_KINDS.map((kind) => (
            <Checkbox key={kind} value={kind} label={KIND_LABELS[kind]} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Select
        label="For"
        description="A team's webhook receives only that team's events."
        data={teamOptions}
        value={form.teamId}
        onChange={(teamId) => setForm({ ...form, teamId: teamId ?? firstTeam })}
        allowDeselect={false}
        error={errors.teamId}
      />
    </FormSection>
  );
}
