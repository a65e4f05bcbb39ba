import { Button, Divider, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import type { DemoSeededView } from "../../../contracts/auth";
import { FormError } from "../../components/FormError";
import { api } from "../../lib/api";
import { useSessionChanged } from "../../lib/session";

/** First run only: load the demo organisation and look around as its owner. */
export function DemoOffer() {
  const changed = useSessionChanged();
  const seed = useMutation({
    mutationFn: () => api<DemoSeededView>("POST", "/setup/demo"),
    onSuccess: async (result) => {
      notifications.show({
        title: `Signed in as ${result.person.name}, the demo owner`,
        message: `Every demo person (for example ${result.person.email}) signs in with the password ${result.password}`,
        autoClose: false,
      });
      await changed();
    },
  });
  return (
    <Stack gap="xs">
      <Divider label="or" labelPosition="center" />
      <Text size="sm" c="dimmed">
        Just looking? Load a demo organisation of 14 people across 8 time zones, with teams and working
        patterns.
      </Text>
      <FormError error={seed.error} />
      <Button variant="light" loading={seed.isPending} onClick={() => seed.mutate()}>
        Explore with demo data
      </Button>
    </Stack>
  );
}
