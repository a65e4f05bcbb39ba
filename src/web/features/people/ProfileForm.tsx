import { Select, TextInput } from "@mantine/core";
import { useState } from "react";
import type { Role } from "../../../contracts/common";
import type { PersonView } from "../../../contracts/views";
import { FormSection } from "../../components/FormSection";
import { TimeZoneInput } from "../../components/TimeZoneInput";
import { fieldErrors, useAction } from "../../lib/action";
import { api } from "../../lib/api";
import { keys } from "../../lib/resources";

/** Name, time zone and, when `roles` offers a choice (owners and admins editing someone else), role. */
export function ProfileForm({ person, roles }: { person: PersonView; roles: Role[] }) {
  const canChangeRole = roles.length > 1;
  const [form, setForm] = useState({ name: person.name, timeZone: person.timeZone, role: person.role });
  const save = useAction(
    () =>
      api("PATCH", `/people/${person.id}`, {
        name: form.name,
        timeZone: form.timeZone,
        ...(canChangeRole && form.role !== person.role ? { role: form.role } : {}),
      }),
    { refresh: [keys.person(person.id), keys.people, ["me"]], done: "Profile saved" },
  );
  const fields = fieldErrors(save.error);
  return (
    <FormSection id="profile" title="Profile" action="Save profile" save={save}>
      <TextInput
        label="Name"
        required
        value={form.name}
        onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
        error={fields.name}
      />
      <TimeZoneInput
        label="Time zone"
        value={form.timeZone}
        onChange={(timeZone) => setForm({ ...form, timeZone })}
        error={fields.timeZone}
      />
      {canChangeRole && (
        <Select
          label="Role"
          data={roles}
          value={form.role}
          allowDeselect={false}
          onChange={(role) => setForm({ ...form, role: (role as Role | null) ?? form.role })}
          error={fields.role}
        />
      )}
    </FormSection>
  );
}
