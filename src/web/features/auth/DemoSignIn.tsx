import { Alert, Button, Code, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { demoSignInQuery } from "./setup-status";

/** While the demo organisation exists with its first password: how to sign in to it, and a button that fills it in. */
export function DemoSignIn({ onUse }: { onUse: (email: string, password: string) => void }) {
  const { data } = useQuery(demoSignInQuery);
  const demo = data?.demo;
  if (!demo) return null;
  return (
    <Alert role="region" color="indigo" title="Exploring the demo?">
      <Text size="sm">
        Sign in as <Code>{demo.email}</Code> with the password <Code>{demo.password}</Code>. Every demo person
        has the same password.
      </Text>
      <Button mt="xs" size="compact-sm" variant="light" onClick={() => onUse(demo.email, demo.password)}>
        Use the demo sign-in
      </Button>
    </Alert>
  );
}
