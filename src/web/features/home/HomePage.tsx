import { Card, Stack, Text, Title } from "@mantine/core";
import { useSession } from "../../lib/session";

export function HomePage() {
  const { data } = useSession();
  if (!data) return null;
  const now = new Intl.DateTimeFormat(undefined, {
    weekday: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: data.person.timeZone,
  }).format(new Date());
  return (
    <Stack>
      <Title order={2}>Welcome, {data.person.name}</Title>
      <Card withBorder>
        <Text>
          It is {now} in your zone ({data.person.timeZone}).
        </Text>
      </Card>
    </Stack>
  );
}
