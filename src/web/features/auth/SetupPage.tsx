import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Navigate } from "react-router";
import { FormError } from "../../components/FormError";
import { TimeZoneInput } from "../../components/TimeZoneInput";
import { submitWith } from "../../lib/action";
import { ApiError, api } from "../../lib/api";
import { useSessionChanged } from "../../lib/session";
import { browserTimeZone } from "../../lib/time";
import { useDocumentTitle } from "../../lib/title";
import { DemoOffer } from "./DemoOffer";
import { setupStatusQuery } from "./setup-status";

/** First run: name the organisation and create the owner's account; the zone comes from the browser. */
export function SetupPage() {
  useDocumentTitle("Set up");
  const open = useQuery(setupStatusQuery);
  const changed = useSessionChanged();
  const zone = browserTimeZone();
  const [form, setForm] = useState({ orgName: "", orgZone: zone, name: "", email: "", password: "", zone });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = useMutation({
    mutationFn: () =>
      api("POST", "/setup", {
        organisation: { name: form.orgName, timeZone: form.orgZone },
        owner: { name: form.name, email: form.email, password: form.password, timeZone: form.zone },
      }),
    onSuccess: changed,
  });
  if (open.data && !open.data.open) return <Navigate to="/login" replace />;
  const fields = submit.error instanceof ApiError ? submit.error.fields : {};
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" maw={480} w="100%" component="main">
        <form onSubmit={submitWith(() => submit.mutate())}>
          <Stack>
            <Title order={1} size="h2">
              Set up Tandem
            </Title>
            <Text c="dimmed">
              Create your organisation and your own account. You can invite colleagues next.
            </Text>
            <TextInput
              label="Organisation name"
              required
              value={form.orgName}
              onChange={(e) => set("orgName")(e.currentTarget.value)}
              error={fields["organisation.name"]}
            />
            <TimeZoneInput
              label="Organisation time zone"
              value={form.orgZone}
              onChange={set("orgZone")}
              error={fields["organisation.timeZone"]}
            />
            <TextInput
              label="Your name"
              required
              value={form.name}
              onChange={(e) => set("name")(e.currentTarget.value)}
              error={fields["owner.name"]}
            />
            <TextInput
              label="Your email"
              type="email"
              required
              value={form.email}
              onChange={(e) => set("email")(e.currentTarget.value)}
              error={fields["owner.email"]}
            />
            <PasswordInput
              label="Password"
              description="At least 10 characters"
              required
              value={form.password}
              onChange={(e) => set("password")(e.currentTarget.value)}
              error={fields["owner.password"]}
            />
            <TimeZoneInput
              label="Your time zone"
              value={form.zone}
              onChange={set("zone")}
              error={fields["owner.timeZone"]}
            />
            <FormError error={submit.error} />
            <Button type="submit" loading={submit.isPending}>
              Create organisation
            </Button>
          </Stack>
        </form>
        <DemoOffer />
      </Paper>
    </Center>
  );
}
