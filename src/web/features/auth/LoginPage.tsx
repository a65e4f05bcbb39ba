import { Anchor, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { FormError } from "../../components/FormError";
import { submitWith } from "../../lib/action";
import { api } from "../../lib/api";
import { useSessionChanged } from "../../lib/session";
import { useDocumentTitle } from "../../lib/title";
import { DemoSignIn } from "./DemoSignIn";
import { SsoSignIn } from "./SsoSignIn";
import { setupStatusQuery } from "./setup-status";

export function LoginPage() {
  useDocumentTitle("Sign in");
  const setup = useQuery(setupStatusQuery);
  const changed = useSessionChanged();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const submit = useMutation({
    mutationFn: () => api("POST", "/auth/login", { email, password }),
    onSuccess: changed,
  });
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" maw={420} w="100%" component="main">
        <form onSubmit={submitWith(() => submit.mutate())}>
          <Stack>
            <Title order={1} size="h2">
              Sign in to Tandem
            </Title>
            <DemoSignIn
              onUse={(demoEmail, demoPassword) => {
                setEmail(demoEmail);
                setPassword(demoPassword);
              }}
            />
            <TextInput
              label="Email"
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <FormError error={submit.error} />
            <Button type="submit" loading={submit.isPending}>
              Sign in
            </Button>
            <SsoSignIn email={email} />
            {setup.data?.open && (
              <Anchor component={Link} to="/setup">
                First time here? Set up Tandem
              </Anchor>
            )}
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
