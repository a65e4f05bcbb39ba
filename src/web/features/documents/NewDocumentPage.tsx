import { Alert, Button, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useNavigate } from "react-router";
import { AudienceFields } from "../../components/AudienceFields";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { fieldErrors, submitWith, useAction } from "../../lib/action";
import { useKeptDraft } from "../../lib/kept-draft";
import { usePeople, useTeams } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { createDocument, documentKeys } from "./api";
import { MarkdownEditor } from "./form/MarkdownEditor";
import { TagsField } from "./form/TagsField";
import { type DocumentDraft, documentDrafts, toCreateBody } from "./new/draft";

/**
 * "New document": title, markdown with the server's preview, who it is for, tags. What is typed is
 * kept in this browser until the document is created; then its page opens (version 1).
 */
export function NewDocumentPage() {
  const viewer = useViewer();
  const people = usePeople();
  const teams = useTeams();
  const navigate = useNavigate();
  const { draft, setDraft, restored, discard, done } = useKeptDraft(documentDrafts, viewer.person.id);
  const create = useAction(() => createDocument(toCreateBody(draft)), {
    refresh: [documentKeys.all],
    done: "Document created",
    onDone: ({ document }) => {
      done();
      navigate(`/docs/${document.id}`);
    },
  });
  if (!people.data) return <Loading error={people.error} />;
  const errors = fieldErrors(create.error);
  const set = <K extends keyof DocumentDraft>(key: K, value: DocumentDraft[K]) =>
    setDraft((prev) => ({ ...prev, [key]: value }));

  return (
    <Stack>
      <Title order={1} size="h2">
        New document
      </Title>
      {restored && (
        <Alert color="blue" title="Draft restored">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">
              What you typed last time is back; it is kept in this browser until you create it.
            </Text>
            <Button size="xs" variant="default" onClick={discard}>
              Discard draft
            </Button>
          </Group>
        </Alert>
      )}
      <form aria-label="New document" onSubmit={submitWith(() => create.mutate(undefined))}>
        <Stack>
          <TextInput
            label="Title"
            required
            value={draft.title}
            onChange={(e) => set("title", e.currentTarget.value)}
            error={errors.title}
            maw={560}
          />
          <MarkdownEditor value={draft.body} onChange={(body) => set("body", body)} error={errors.body} />
          <AudienceFields
            value={draft}
            label="Who can read and edit it"
            description="Everyone it is shared with may edit; each save is kept as a version."
            onChange={(change) => setDraft((prev) => ({ ...prev, ...change }))}
            people={people.data}
            teams={teams.data}
            errors={errors}
          />
          <TagsField value={draft.tags} onChange={(tags) => set("tags", tags)} errors={errors} />
          <FormError error={create.error} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              Create document
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
