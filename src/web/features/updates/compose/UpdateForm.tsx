import { Anchor, Button, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { PersonView } from "../../../../contracts/people";
import type { TeamView } from "../../../../contracts/teams";
import { POSTABLE_KINDS, type Urgency } from "../../../../contracts/updates";
import { AttendeePicker } from "../../../components/AttendeePicker";
import { AudienceFields } from "../../../components/AudienceFields";
import { MarkdownPreview } from "../../../components/MarkdownPreview";
import { errorUnder, submitWith } from "../../../lib/action";
import { DocumentPicker } from "../../documents";
import { KIND_LABELS } from "../feed/item-text";
import type { UpdateDraft } from "./draft";
import { MentionTextarea } from "./MentionTextarea";
import { ReplyByPreview } from "./ReplyByPreview";
import { UrgencyField } from "./UrgencyField";

const KIND_OPTIONS = POSTABLE_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));

/** The composer's fields: what, for whom, how soon and from whom replies are due, and the text. */
export function UpdateForm(props: {
  draft: UpdateDraft;
  setDraft: (update: (prev: UpdateDraft) => UpdateDraft) => void;
  people: PersonView[];
  teams: TeamView[] | undefined;
  replyHours: Record<Urgency, number> | undefined;
  viewerZone: string;
  errors: Record<string, string>;
  pending: boolean;
  onSubmit: () => void;
  children?: ReactNode;
}) {
  const { draft, errors, viewerZone } = props;
  const set = <K extends keyof UpdateDraft>(key: K, value: UpdateDraft[K]) =>
    props.setDraft((prev) => ({ ...prev, [key]: value }));
  return (
    <form aria-label="New update" onSubmit={submitWith(props.onSubmit)}>
      <Stack>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <Select
            label="Kind"
            data={KIND_OPTIONS}
            value={draft.kind}
            onChange={(v) => v && set("kind", v as UpdateDraft["kind"])}
            allowDeselect={false}
            error={errors.kind}
            w={200}
          />
          <TextInput
            label="Title"
            required
            value={draft.title}
            onChange={(e) => set("title", e.currentTarget.value)}
            error={errors.title}
            style={{ flex: "1 1 320px" }}
            maw={560}
          />
        </Group>
        <AudienceFields
          value={draft}
          onChange={(change) => props.setDraft((prev) => ({ ...prev, ...change }))}
          people={props.people}
          teams={props.teams}
          errors={errors}
        />
        <UrgencyField
          value={draft.urgency}
          onChange={(v) => set("urgency", v)}
          hours={props.replyHours}
          error={errors.urgency}
        />
        <AttendeePicker
          label="Required responders"
          description="People who must answer or acknowledge. Each gets a reply-by inside their own working hours."
          people={props.people}
          teams={props.teams}
          value={draft.responderIds}
          onChange={(ids) => set("responderIds", ids)}
          error={errorUnder(errors, "requiredResponderIds")}
        />
        <ReplyByPreview urgency={draft.urgency} responderIds={draft.responderIds} viewerZone={viewerZone} />
        {draft.kind === "proposal" && (
          <TextInput
            type="datetime-local"
            label={`Decision deadline (${viewerZone})`}
            description="When the decision is due: responders agree, disagree or abstain before then."
            value={draft.decisionDue}
            onChange={(e) => set("decisionDue", e.currentTarget.value)}
            error={errors.decisionDue}
            w={320}
          />
        )}
        <MentionTextarea
          label="Body"
          description="Markdown. Type @ and a name to mention someone; they are notified."
          autosize
          minRows={6}
          maxRows={20}
          value={draft.body}
          onChange={(v) => set("body", v)}
          people={props.people}
          error={errors.body}
        />
        <MarkdownPreview source={draft.body} label="Preview of the update" />
        <DocumentPicker
          label="Attach documents"
          value={draft.documentIds}
          onChange={(ids) => set("documentIds", ids)}
        />
        <Text size="sm">
          Needs a conversation rather than a post?{" "}
          <Anchor component={Link} to="/agreement/advisor" inherit underline="always">
            Should this be a meeting?
          </Anchor>
        </Text>
        {props.children}
        <Group>
          <Button type="submit" loading={props.pending}>
            Post update
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
