import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { FormError } from "../../components/FormError";
import { TimeZoneInput } from "../../components/TimeZoneInput";
import { submitWith } from "../../lib/action";
import { ApiError, api } from "../../lib/api";
import { useSessionChanged } from "../../lib/session";
import { browserTimeZone } from "../../lib/time";
import { useDocumentTitle } from "../../lib/title";

/** Public: an invited person sets their password and zone (detected from the browser) and is signed in. */
export function AcceptInvitationPage() {
  useDocumentTitle("Join your team");
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const changed = useSessionChanged();
  const [form, setForm] = useState({ name: "", password: "", timeZone: browserTimeZone() });
  const accept = useMutation({
    mutationFn: () =>
      api("POST", `/invitations/${encodeURIComponent(token)}/accept`, {
        password: form.password,
        timeZone: form.timeZone,
        ...(form.name.trim() ? { name: form.name.trim() } : {}),
      }),
    onSuccess: async () => {
      navigate("/", { replace: true });
      await changed();
    },
  });
  const fields = accept.error instanceof ApiError ? accept.error.fields : {};
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" maw={480} w="100%" component="main">
        <form onSubmit={submitWith(() => accept.mutate())}>
          <Stack>
            <Title order={1} size="h2">
              Join your team on Tandem
            </Title>
            <Text c="dimmed">
              Choose a password and check your time zone: colleagues see your working hours in their own time.
            </Text>
            <TextInput
              label="Your name (optional)"
              description="Leave empty to keep the name you were invited with"
              autoComplete="name"
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
              error={fields.name}
            />
            <PasswordInput
              label="Password"
              description="At least 10 characters"
              autoComplete="new-password"
              required
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
              error={fields.password}
            />
            <TimeZoneInput
              label="Your time zone"
              value={form.timeZone}
              onChange={(timeZone) => setForm({ ...form, timeZone })}
              error={fields.timeZone}
            />
            <FormError error={accept.error} />
            <Button type="submit" loading={accept.isPending}>
              Join
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
