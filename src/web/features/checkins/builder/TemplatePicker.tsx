import { Button, Card, SimpleGrid, Stack, Text } from "@mantine/core";
import type { TemplateId } from "../../../../contracts/checkins";
import { Loading } from "../../../components/Loading";
import { type TemplateView, useTemplates } from "../api";

/** "Start from a template": each template's card with what it is for; picking one fills the form. */
export function TemplatePicker(props: {
  chosen: TemplateId | null;
  onPick(template: TemplateView): void;
  onBlank(): void;
}) {
  const templates = useTemplates();
  if (!templates.data) return <Loading error={templates.error} />;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" role="list" aria-label="Templates">
      {templates.data.map((t) => (
        <Card key={t.id} withBorder role="listitem" padding="sm">
          <Stack gap={6} h="100%" justify="space-between">
            <div>
              <Text fw={600}>{t.name}</Text>
              <Text size="sm" c="dimmed">
                {t.description}
              </Text>
            </div>
            <Button
              variant={props.chosen === t.id ? "filled" : "default"}
              size="compact-sm"
              aria-pressed={props.chosen === t.id}
              aria-label={`Use the ${t.name} template`}
              onClick={() => props.onPick(t)}
            >
              {props.chosen === t.id ? "In use" : "Use this template"}
            </Button>
          </Stack>
        </Card>
      ))}
      <Card withBorder role="listitem" padding="sm">
        <Stack gap={6} h="100%" justify="space-between">
          <div>
            <Text fw={600}>Blank</Text>
            <Text size="sm" c="dimmed">
              Your own questions and schedule, from scratch.
            </Text>
          </div>
          <Button variant="default" size="compact-sm" onClick={props.onBlank}>
            Start blank
          </Button>
        </Stack>
      </Card>
    </SimpleGrid>
  );
}
