import { Button, Grid, Group, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { ConfirmButton } from "../../components/ConfirmButton";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { ServerHtml } from "../../components/MarkdownPreview";
import { useAction } from "../../lib/action";
import { ApiError } from "../../lib/api";
import { useDeleteAndLeave } from "../../lib/delete-and-leave";
import { useNow } from "../../lib/now";
import { useViewer } from "../../lib/session";
import { type DocumentView, deleteDocument, deleteDraft, documentKeys, useDocument } from "./api";
import { DocumentEditor, type EditStart } from "./page/DocumentEditor";
import { DocumentHeader } from "./page/DocumentHeader";
import { DraftOffer } from "./page/DraftOffer";
import { DocumentNotFound } from "./page/NotFound";
import { UsedInCard } from "./page/UsedInCard";

/**
 * One document (`/docs/:id`): its rendered text, owner, version, last edit, tags, audience and where it
 * is used; Edit (autosaved drafts, the merge view on a conflicting save), History, Delete. Others' saves
 * arrive through the `document.changed` live event (app/live-refresh.ts).
 */
export function DocumentPage() {
  const { id = "" } = useParams();
  const viewer = useViewer();
  const now = useNow();
  const document = useDocument(id);
  const [editing, setEditing] = useState<EditStart | null>(null);
  const discardDraft = useAction(() => deleteDraft(id), {
    refresh: [documentKeys.one(id)],
    done: "Draft discarded.",
  });
  const gone = document.error instanceof ApiError && document.error.status === 404;
  // A document deleted while it is edited keeps its last copy on screen, so the text can be copied.
  if (!document.data) return gone ? <DocumentNotFound /> : <Loading error={document.error} />;
  if (gone && !editing) return <DocumentNotFound />;
  const doc = document.data;
  const edit = (start: EditStart) => {
    discardDraft.reset();
    setEditing(start);
  };
  return (
    <Stack>
      <DocumentHeader document={doc} viewerId={viewer.person.id} zone={viewer.zone} now={now} />
      {!editing && doc.can.edit && (
        <DraftOffer
          document={doc}
          zone={viewer.zone}
          now={now}
          discarding={discardDraft.isPending}
          onContinue={() =>
            doc.draft &&
            edit({
              title: doc.draft.title,
              body: doc.draft.body,
              baseVersion: doc.draft.baseVersion,
              draft: doc.draft,
            })
          }
          onDiscard={() => discardDraft.mutate(undefined)}
        />
      )}
      <FormError error={discardDraft.error} />
      {editing ? (
        <DocumentEditor
          document={doc}
          start={editing}
          viewerId={viewer.person.id}
          zone={viewer.zone}
          gone={gone}
          onClose={() => setEditing(null)}
        />
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Paper withBorder p="md" component="article" aria-label="The document">
              {doc.body.trim() ? (
                <ServerHtml html={doc.html} />
              ) : (
                <Text c="dimmed">Nothing written yet. Choose Edit to write it.</Text>
              )}
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack>
              <DocumentActions
                document={doc}
                onEdit={() =>
                  edit({ title: doc.title, body: doc.body, baseVersion: doc.version, draft: null })
                }
              />
              <UsedInCard usedIn={doc.usedIn} zone={viewer.zone} />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

/** Edit (whoever it is shared with), History (every reader), Delete (its owner or an admin, asked once). */
function DocumentActions({ document: doc, onEdit }: { document: DocumentView; onEdit: () => void }) {
  const remove = useDeleteAndLeave({
    run: () => deleteDocument(doc.id),
    drop: documentKeys.one(doc.id),
    refresh: documentKeys.all,
    done: "Document deleted.",
    to: "/docs",
  });
  return (
    <div>
      <Group gap="xs">
        {doc.can.edit && (
          <Button variant="light" onClick={onEdit}>
            {doc.draft ? "Edit from the saved version" : "Edit"}
          </Button>
        )}
        <Button variant="default" component={Link} to={`/docs/${doc.id}/history`}>
          History
        </Button>
        {doc.can.delete && (
          <ConfirmButton
            question="Delete this document with all its versions? Meetings and updates that link it lose the link. This cannot be undone."
            confirmLabel="Delete document"
            onConfirm={() => remove.mutate()}
            loading={remove.isPending}
          >
            Delete
          </ConfirmButton>
        )}
      </Group>
      <FormError error={remove.error} />
    </div>
  );
}
