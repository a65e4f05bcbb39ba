import { Button, Group, Stack, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useNavigate } from "react-router";
import { AudienceFields } from "../../../components/AudienceFields";
import { FormError } from "../../../components/FormError";
import { Loading } from "../../../components/Loading";
import { fieldErrors, submitWith, useAction } from "../../../lib/action";
import { type AudienceForm, audienceInput } from "../../../lib/audience";
import { usePeople, useTeams } from "../../../lib/resources";
import { postVideoUpdate } from "../api";

// The updates feature depends on this one (its player), so its query keys are named here, not imported.
const UPDATES_KEY = ["updates"] as const;

/** The last step: a title, who it is for and an optional message; posting opens the update. */
export function PostVideoForm({ recordingId }: { recordingId: string }) {
  const people = usePeople();
  const teams = useTeams();
  const navigate = useNavigate();
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [audience, setAudience] = useState<AudienceForm>({
    audience: "organisation",
    teamId: null,
    personIds: [],
  });
  const post = useAction(
    () =>
      postVideoUpdate({
        kind: "video",
        recordingId,
        title: title.trim(),
        body,
        audience: audienceInput(audience),
      }),
    {
      refresh: [UPDATES_KEY],
      done: "Video posted",
      onDone: (update) => navigate(`/updates/${update.id}`),
    },
  );
  if (!people.data) return <Loading error={people.error} />;
  const errors = fieldErrors(post.error);

  return (
    <form aria-label="Post the video" onSubmit={submitWith(() => post.mutate(undefined))}>
      <Stack>
        <TextInput
          label="Title"
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          maw={560}
        />
        <AudienceFields
          value={audience}
          label="Who it is for"
          onChange={(change) => setAudience((prev) => ({ ...prev, ...change }))}
          people={people.data}
          teams={teams.data}
          errors={errors}
        />
        <Textarea
          label="Message"
          description="Optional: a few words to go with the video."
          autosize
          minRows={3}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.body}
          maw={720}
        />
        <FormError error={post.error} />
        <Group>
          <Button type="submit" loading={post.isPending}>
            Post
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
