import { Button, Card, Group, Text, Title } from "@mantine/core";
import { Link } from "react-router";

/** Home's way into the advisor: ask before booking a meeting or writing an update. */
export function AdvisorHomeCard() {
  return (
    <Card withBorder component="section" aria-labelledby="advisor-card-heading">
      <Title order={3} id="advisor-card-heading" size="h4" mb="xs">
        Should this be a meeting?
      </Title>
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          Before you book a meeting or write an update, ask: the answer follows your agreement.
        </Text>
        <Button component={Link} to="/agreement/advisor" variant="light">
          Ask the advisor
        </Button>
      </Group>
    </Card>
  );
}
