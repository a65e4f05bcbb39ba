import { Alert, Button, Group, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { SUMMARY_MAX_CHARS } from "../../../../contracts/documents";
import { AudienceFields } from "../../../components/AudienceFields";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { CopyValue } from "../../../components/CopyValue";
import { FormError } from "../../../components/FormError";
import { SectionCard } from "../../../components/SectionCard";
import { fieldErrors, submitWith, useAction } from "../../../lib/action";
import { type AudienceForm, audienceFormOf, audienceInput } from "../../../lib/audience";
import { useNow } from "../../../lib/now";
import { usePeople, useTeams } from "../../../lib/resources";
import {
  type CurrentVersion,
  conflictOf,
  type DocumentView,
  type DraftView,
  deleteDraft,
  documentKeys,
  type SaveDocumentBody,
  saveDocument,
} from "../api";
import type { DiffLayout } from "../diff/DiffView";
import { MarkdownEditor } from "../form/MarkdownEditor";
import { TagsField } from "../form/TagsField";
import { autosaveText } from "./autosave";
import { MergeView, type Mine } from "./MergeView";
import { useAutosave } from "./use-autosave";

/** Where editing starts: the document as saved, or the viewer's kept draft (with the version it was based on). */
export interface EditStart {
  title: string;
  body: string;
  baseVersion: number;
  draft: DraftView | null;
}

/** The document's latest version in the shape of a 409's `current`, to compare before saving. */
const latestOf = (doc: DocumentView): CurrentVersion => ({
  version: doc.version,
  title: doc.title,
  body: doc.body,
  updatedBy: doc.updatedBy,
  updatedAt: doc.updatedAt,
});

/**
 * Editing a document: title, markdown with its preview, tags and "What changed?"; autosaved as the
 * viewer's draft. A save names the version it was based on; when someone saved in between (a 409, or
 * the live refresh showing a newer version) the merge view puts theirs beside mine.
 */
export function DocumentEditor(props: {
  document: DocumentView;
  start: EditStart;
  viewerId: string;
  zone: string;
  /** The document was deleted while it was being edited (its last copy is still shown). */
  gone: boolean;
  onClose: () => void;
}) {
  const doc = props.document;
  const now = useNow(15_000);
  const client = useQueryClient();
  const [mine, setMine] = useState<Mine>({ title: props.start.title, body: props.start.body });
  const [tags, setTags] = useState(doc.tags);
  /** Who it is for, changed only by its owner; sent with the save only once changed here. */
  const [audience, setAudience] = useState<AudienceForm | null>(null);
  const [summary, setSummary] = useState("");
  const [baseVersion, setBaseVersion] = useState(props.start.baseVersion);
  const [theirs, setTheirs] = useState<CurrentVersion | null>(null);
  const [aside, setAside] = useState<Mine | null>(null);
  const [layout, setLayout] = useState<DiffLayout>("side");
  const autosave = useAutosave(doc.id, { ...mine, baseVersion }, props.start.draft);

  const save = useAction(
    async (base: number) => {
      // A draft still on its way must not land after the version it belongs to.
      await autosave.stop();
      const body: SaveDocumentBody = { title: mine.title.trim(), body: mine.body, baseVersion: base };
      if (summary.trim()) body.summary = summary.trim();
      if (tags.join("\n") !== doc.tags.join("\n")) body.tags = tags;
      if (audience) body.audience = audienceInput(audience);
      return saveDocument(doc.id, body);
    },
    {
      refresh: [documentKeys.all],
      done: "Saved. The earlier text is kept in the history.",
      onDone: props.onClose,
    },
  );
  const send = (base: number) =>
    save.mutate(base, {
      onError: (error) => {
        autosave.resume();
        const current = conflictOf(error);
        if (current) setTheirs(current);
      },
    });
  const close = async (discard: boolean) => {
    if (discard) {
      await autosave.stop();
      await deleteDraft(doc.id).catch(() => undefined);
    } else await autosave.flush();
    await client.invalidateQueries({ queryKey: documentKeys.one(doc.id) });
    props.onClose();
  };
  const takeTheirs = () => {
    if (!theirs) return;
    setAside(mine);
    setMine({ title: theirs.title, body: theirs.body });
    setBaseVersion(theirs.version);
    setTheirs(null);
    save.reset();
  };

  const errors = fieldErrors(save.error);
  const changed = mine.title !== doc.title || mine.body !== doc.body || autosave.kept() || audience !== null;
  const moved = !theirs && doc.version > baseVersion;
  const status = autosave.status;
  return (
    <SectionCard id="edit" title="Edit the document" intro="Each save is kept as a version in the history.">
      <form aria-label="Edit the document" onSubmit={submitWith(() => !theirs && send(baseVersion))}>
        <Stack gap="sm">
          {props.gone && (
            <Alert color="red" role="alert" title="This document was deleted">
              Someone deleted it while you were editing. Copy your text before leaving this page; it cannot be
              saved here any more.
            </Alert>
          )}
          {moved && (
            <Alert
              color="orange"
              role="status"
              title={`${nameOf(doc, props.viewerId)} saved version ${doc.version} while you were editing`}
            >
              <Text size="sm" mb="xs">
                Your text is based on version {baseVersion}. Compare it with theirs before you save, so
                neither change is lost.
              </Text>
              <Button size="compact-sm" variant="default" onClick={() => setTheirs(latestOf(doc))}>
                Compare with version {doc.version}
              </Button>
            </Alert>
          )}
          {theirs ? (
            <MergeView
              theirs={theirs}
              mine={mine}
              onMine={setMine}
              viewerId={props.viewerId}
              zone={props.zone}
              now={now}
              layout={layout}
              onLayout={setLayout}
              pending={save.isPending}
              errors={errors}
              onSaveMine={() => send(theirs.version)}
              onTakeTheirs={takeTheirs}
            />
          ) : (
            <>
              <TextInput
                label="Title"
                required
                value={mine.title}
                onChange={(e) => setMine({ ...mine, title: e.currentTarget.value })}
                error={errors.title}
              />
              <MarkdownEditor
                value={mine.body}
                onChange={(body) => setMine({ ...mine, body })}
                error={errors.body}
                beside={aside && <EarlierText aside={aside} onHide={() => setAside(null)} />}
              />
            </>
          )}
          <TagsField value={tags} onChange={setTags} errors={errors} />
          {doc.can.share && (
            <ShareFields
              value={audience ?? audienceFormOf(doc.audience)}
              onChange={(change) => setAudience({ ...(audience ?? audienceFormOf(doc.audience)), ...change })}
              errors={errors}
            />
          )}
          <TextInput
            label="What changed?"
            description="Optional; shown beside this version in the history."
            value={summary}
            maxLength={SUMMARY_MAX_CHARS}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={errors.summary}
            maw={560}
          />
          {!theirs && <FormError error={save.error} />}
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Group gap="xs">
              <Text
                size="sm"
                c={status.state === "failed" ? "red.8" : "dimmed"}
                role="status"
                aria-live="polite"
              >
                {autosaveText(status, props.zone, now)}
              </Text>
              {status.state === "failed" && (
                <Button size="compact-sm" variant="default" onClick={autosave.retry}>
                  Try again
                </Button>
              )}
            </Group>
            <Group gap="xs">
              {changed ? (
                <>
                  <ConfirmButton
                    question="Throw away your changes and your saved draft? The document stays as it is."
                    confirmLabel="Discard changes"
                    onConfirm={() => void close(true)}
                  >
                    Discard changes
                  </ConfirmButton>
                  <Button variant="default" onClick={() => void close(false)}>
                    Close, keep the draft
                  </Button>
                </>
              ) : (
                <Button variant="default" onClick={() => void close(false)}>
                  Cancel
                </Button>
              )}
              {!theirs && (
                <Button type="submit" loading={save.isPending} disabled={props.gone}>
                  Save
                </Button>
              )}
            </Group>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}

/** For the owner: who can read and edit it, changed with the next save. */
function ShareFields(props: {
  value: AudienceForm;
  onChange: (change: Partial<AudienceForm>) => void;
  errors: Record<string, string>;
}) {
  const people = usePeople();
  const teams = useTeams();
  if (!people.data) return null;
  return (
    <AudienceFields
      {...props}
      label="Who can read and edit it"
      description="Only you, its owner, change this; it takes effect when you save."
      people={people.data}
      teams={teams.data}
    />
  );
}

const nameOf = (doc: DocumentView, viewerId: string) =>
  doc.updatedBy.personId === viewerId ? "You" : doc.updatedBy.name;

/** My text from before "Take theirs", kept beside the editor to copy from until hidden. */
function EarlierText({ aside, onHide }: { aside: Mine; onHide: () => void }) {
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="earlier-heading">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600} id="earlier-heading">
            Your earlier text, to copy from
          </Text>
          <Button size="compact-sm" variant="subtle" onClick={onHide}>
            Hide it
          </Button>
        </Group>
        <Text size="sm">Title: {aside.title}</Text>
        <CopyValue value={aside.body} label="your earlier text" />
      </Stack>
    </Paper>
  );
}
