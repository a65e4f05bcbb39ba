import { Alert, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useLocation, useNavigate } from "react-router";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { fieldErrors, useAction } from "../../lib/action";
import { useKeptDraft } from "../../lib/kept-draft";
import { usePeople, useTeams } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { useAgreement } from "../agreement";
import { createUpdate, updateKeys } from "./api";
import { draftFromAdvice, toCreateBody, updateDrafts } from "./compose/draft";
import { UpdateForm } from "./compose/UpdateForm";

/**
 * "New update": kind, audience, urgency with the agreement's reply norm, required responders with
 * their reply-by before posting, markdown with the server's preview and @mentions. What is typed is
 * kept as a draft until it is posted; the thread opens once it is.
 */
export function NewUpdatePage() {
  const viewer = useViewer();
  const people = usePeople();
  const teams = useTeams();
  const location = useLocation();
  const { draft, setDraft, restored, discard, done } = useKeptDraft(
    updateDrafts,
    viewer.person.id,
    draftFromAdvice(location.state),
  );
  // A team's audience follows the team's agreement (it may ask for faster replies).
  const agreement = useAgreement(draft.audience === "team" ? draft.teamId : null);
  const navigate = useNavigate();
  const post = useAction(() => createUpdate(toCreateBody(draft, viewer.zone)), {
    refresh: [updateKeys.all],
    done: "Update posted",
    onDone: ({ update }) => {
      done();
      navigate(`/updates/${update.id}`);
    },
  });
  if (!people.data) return <Loading error={people.error} />;

  return (
    <Stack>
      <Title order={1} size="h2">
        New update
      </Title>
      <Text c="dimmed">
        Times are in your zone ({viewer.zone}); each responder's own clock shows beside their name.
      </Text>
      {restored && (
        <Alert color="blue" title="Draft restored">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">What you typed last time is back; it is kept here until you post it.</Text>
            <Button size="xs" variant="default" onClick={discard}>
              Discard draft
            </Button>
          </Group>
        </Alert>
      )}
      <UpdateForm
        draft={draft}
        setDraft={setDraft}
        people={people.data}
        teams={teams.data}
        replyHours={agreement.data?.rules.replyWithinWorkingHours}
        viewerZone={viewer.zone}
        errors={fieldErrors(post.error)}
        pending={post.isPending}
        onSubmit={() => post.mutate(undefined)}
      >
        <FormError error={post.error} />
      </UpdateForm>
    </Stack>
  );
}
