import { Alert, Group, MultiSelect, Select, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import type { Role } from "../../../contracts/common";
import type { InvitationLinkView } from "../../../contracts/onboarding";
import type { PersonView } from "../../../contracts/people";
import { CopyValue } from "../../components/CopyValue";
import { FormSection } from "../../components/FormSection";
import { TimeZoneInput } from "../../components/TimeZoneInput";
import { fieldErrors, useAction } from "../../lib/action";
import { api } from "../../lib/api";
import { grantableRoles } from "../../lib/permissions";
import { keys, useTeams } from "../../lib/resources";
import { useViewer } from "../../lib/session";

export const INVITATIONS = ["invitations"];

/** Invite one person: they get an email with a link (kept in the outbox when no mail server is set up). */
export function InviteForm() {
  const viewer = useViewer();
  const teams = useTeams();
  const roles = grantableRoles(viewer.person.role);
  const blank = {
    name: "",
    email: "",
    role: "member" as Role,
    timeZone: viewer.organisation.timeZone,
    teamIds: [] as string[],
  };
  const [form, setForm] = useState(blank);
  const [sent, setSent] = useState<{ name: string; invitation: InvitationLinkView } | null>(null);
  const invite = useAction(
    () => api<{ person: PersonView; invitation: InvitationLinkView }>("POST", "/people", form),
    {
      refresh: [INVITATIONS, keys.people, keys.teams],
      done: "Invitation sent",
      onDone: ({ person, invitation }) => {
        setSent({ name: person.name, invitation });
        setForm(blank);
      },
    },
  );
  const fields = fieldErrors(invite.error);
  return (
    <FormSection
      id="invite"
      title="Invite a person"
      action="Send invitation"
      save={invite}
      after={sent && <InvitationLink name={sent.name} link={sent.invitation} />}
    >
      <Group grow align="flex-start" wrap="wrap">
        <TextInput
          label="Name"
          required
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          error={fields.name}
          miw={200}
        />
        <TextInput
          label="Email"
          type="email"
          required
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
          error={fields.email}
          miw={200}
        />
      </Group>
      <Group grow align="flex-start" wrap="wrap">
        <Select
          label="Role"
          data={roles}
          value={form.role}
          allowDeselect={false}
          onChange={(role) => setForm({ ...form, role: (role as Role | null) ?? "member" })}
          error={fields.role}
          miw={160}
        />
        <TimeZoneInput
          label="Their time zone"
          value={form.timeZone}
          onChange={(timeZone) => setForm({ ...form, timeZone })}
          error={fields.timeZone}
        />
      </Group>
      <MultiSelect
        label="Teams (optional)"
        placeholder={teams.data?.length ? "Choose teams" : "No teams yet"}
        data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
        value={form.teamIds}
        onChange={(teamIds) => setForm({ ...form, teamIds })}
        error={fields.teamIds}
      />
      <Text size="xs" c="dimmed">
        They choose their own password and confirm their zone when they accept.
      </Text>
    </FormSection>
  );
}

export function InvitationLink({ name, link }: { name: string; link: InvitationLinkView }) {
  return (
    <Alert color="green" title={`Invitation link for ${name}`}>
      <Stack gap="xs">
        <Text size="sm">We emailed it; you can also pass it on yourself. It works once.</Text>
        <CopyValue value={link.url} label={`invitation link for ${name}`} />
      </Stack>
    </Alert>
  );
}
