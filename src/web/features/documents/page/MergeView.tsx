import {
  Alert,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMemo } from "react";
import { documentDiff } from "../../../../core/documents";
import type { CurrentVersion } from "../api";
import { type DiffLayout, DiffView } from "../diff/DiffView";
import { whenText } from "../doc-text";

const SOURCE = { whiteSpace: "pre-wrap", overflowWrap: "anywhere" } as const;

/** My text as the editor holds it. */
export interface Mine {
  title: string;
  body: string;
}

/**
 * Someone saved a version this editor had not seen: theirs beside mine (still editable, nothing typed
 * is lost), the word-level differences between them, and the two ways on: save mine on top of theirs,
 * or start from theirs with mine kept beside to copy from.
 */
export function MergeView(props: {
  theirs: CurrentVersion;
  mine: Mine;
  onMine: (mine: Mine) => void;
  viewerId: string;
  zone: string;
  now: number;
  layout: DiffLayout;
  onLayout: (layout: DiffLayout) => void;
  pending: boolean;
  errors: Record<string, string>;
  onSaveMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { theirs, mine } = props;
  const mineToo = theirs.updatedBy.personId === props.viewerId;
  const who = mineToo ? "You" : theirs.updatedBy.name;
  const when = whenText(theirs.updatedAt, props.zone, props.now);
  // The diff follows typing after a short pause, so a long text stays responsive.
  const [settled] = useDebouncedValue(mine, 300);
  const parts = useMemo(() => documentDiff(theirs, settled), [theirs, settled]);
  return (
    <Stack>
      <Alert
        color="orange"
        role="alert"
        title={`${who} saved version ${theirs.version} while you were editing`}
      >
        Your text is still here, not saved. Compare the two below, change yours if you need to, then save
        yours on top of theirs, or start again from theirs with yours beside it to copy from.
      </Alert>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="sm" component="section" aria-labelledby="theirs-heading">
          <Title order={2} size="h4" id="theirs-heading">
            Version {theirs.version}, saved by {mineToo ? "you" : who} at {when}
          </Title>
          <Text fw={600} mt="xs">
            {theirs.title}
          </Text>
          <Text size="sm" style={SOURCE}>
            {theirs.body}
          </Text>
        </Paper>
        <Stack gap="xs" component="section" aria-labelledby="mine-heading">
          <Title order={2} size="h4" id="mine-heading">
            Your text
          </Title>
          <TextInput
            label="Your title"
            required
            value={mine.title}
            onChange={(e) => props.onMine({ ...mine, title: e.currentTarget.value })}
            error={props.errors.title}
          />
          <Textarea
            label="Your text (markdown)"
            autosize
            minRows={8}
            maxRows={30}
            value={mine.body}
            onChange={(e) => props.onMine({ ...mine, body: e.currentTarget.value })}
            error={props.errors.body}
          />
        </Stack>
      </SimpleGrid>
      <DiffView
        parts={parts}
        layout={props.layout}
        onLayout={props.onLayout}
        beforeLabel={`Their version ${theirs.version}`}
        afterLabel="Your text"
        label="Differences between their version and your text"
      />
      <Group gap="xs">
        <Button onClick={props.onSaveMine} loading={props.pending}>
          Save my text as version {theirs.version + 1}
        </Button>
        <Button variant="default" onClick={props.onTakeTheirs} disabled={props.pending}>
          Take theirs and re-apply
        </Button>
      </Group>
    </Stack>
  );
}
