import { Alert, Button, Group, Text } from "@mantine/core";
import type { DocumentView } from "../api";
import { whenText } from "../doc-text";

/** The viewer's kept draft, offered back when the page opens: continue it or throw it away. */
export function DraftOffer(props: {
  document: DocumentView;
  zone: string;
  now: number;
  discarding: boolean;
  onContinue: () => void;
  onDiscard: () => void;
}) {
  const { draft, version } = props.document;
  if (!draft) return null;
  return (
    <Alert color="blue" title="You have a draft of this document">
      <Text size="sm" mb="xs">
        It is kept for you alone until you save it as a version.
        {draft.baseVersion < version &&
          ` Version ${version} has been saved since; you can compare the two before saving.`}
      </Text>
      <Group gap="xs">
        <Button size="compact-sm" onClick={props.onContinue}>
          Continue your draft from {whenText(draft.savedAt, props.zone, props.now)} (based on version{" "}
          {draft.baseVersion})
        </Button>
        <Button size="compact-sm" variant="default" onClick={props.onDiscard} loading={props.discarding}>
          Discard draft
        </Button>
      </Group>
    </Alert>
  );
}
