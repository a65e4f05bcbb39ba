import { Select, TextInput } from "@mantine/core";
import { useState } from "react";
import type { Role } from "../../../contracts/common";
import type { ClockFormat, PersonView } from "../../../contracts/people";
import { FormSection } from "../../components/FormSection";
import { TimeZoneInput } from "../../components/TimeZoneInput";
import { fieldErrors, useAction } from "../../lib/action";
import { api } from "../../lib/api";
import { keys } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { browserClockFormat } from "../../lib/time";

const CLOCK_CHOICES = [
  {
    value: "auto",
    label: `As this browser shows times (${browserClockFormat() === "12h" ? "12-hour" : "24-hour"})`,
  },
  { value: "24h", label: "24-hour (14:30)" },
  { value: "12h", label: "12-hour (2:30 pm)" },
];

/**
 * Name, time zone, the clock format on one's own profile and, when `roles` offers a choice (owners
 * and admins editing someone else), role.
 */
export function ProfileForm({ person, roles }: { person: PersonView; roles: Role[] }) {
  const own = useViewer().person.id === person.id;
  const canChangeRole = roles.length > 1;
  const [form, setForm] = useState({
    name: person.name,
    timeZone: person.timeZone,
    role: person.role,
    clock: person.clockFormat ?? "auto",
  });
  const save = useAction(
    () =>
      api("PATCH", `/people/${person.id}`, {
        name: form.name,
        timeZone: form.timeZone,
        ...(canChangeRole && form.role !== person.role ? { role: form.role } : {}),
        ...(own ? { clockFormat: form.clock === "auto" ? null : (form.clock as ClockFormat) } : {}),
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
      {own && (
        <Select
          label="Clock"
          description="How every time in Tandem is shown to you"
          data={CLOCK_CHOICES}
          value={form.clock}
          allowDeselect={false}
          onChange={(clock) => setForm({ ...form, clock: clock ?? form.clock })}
          error={fields.clockFormat}
        />
      )}
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
