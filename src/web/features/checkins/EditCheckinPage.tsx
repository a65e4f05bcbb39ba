import { Alert, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { ConfirmButton } from "../../components/ConfirmButton";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { NoAccess } from "../../components/NoAccess";
import { fieldErrors, useAction } from "../../lib/action";
import { type CheckinView, checkinKeys, deleteCheckin, updateCheckin, useCheckin } from "./api";
import { CheckinForm } from "./builder/CheckinForm";
import { formFromCheckin, toUpdateBody } from "./builder/form";
import { useBuilderChoices } from "./builder/useBuilderChoices";
import { CheckinNotFound, isNotFound } from "./list/NotFound";

/** "Edit check-in": the builder over a saved ritual, with pause and delete for those who run it. */
export function EditCheckinPage() {
  const { id = "" } = useParams();
  const checkin = useCheckin(id);
  const choices = useBuilderChoices();
  if (isNotFound(checkin.error)) return <CheckinNotFound />;
  if (!checkin.data || !choices.ready) return <Loading error={checkin.error ?? choices.error} />;
  if (!checkin.data.canManage) return <NoAccess />;
  return <EditCheckin checkin={checkin.data} choices={choices} />;
}

function EditCheckin({
  checkin,
  choices,
}: {
  checkin: CheckinView;
  choices: ReturnType<typeof useBuilderChoices>;
}) {
  const [form, setForm] = useState(() => formFromCheckin(checkin));
  const navigate = useNavigate();
  const refresh = [checkinKeys.list, checkinKeys.one(checkin.id)];
  const save = useAction(() => updateCheckin(checkin.id, toUpdateBody(form)), {
    refresh,
    done: "Check-in saved",
    onDone: () => navigate(`/checkins/${checkin.id}`),
  });
  const pause = useAction((paused: boolean) => updateCheckin(checkin.id, { paused }), {
    refresh,
    done: checkin.paused ? "Check-in resumed" : "Check-in paused",
  });
  const remove = useAction(() => deleteCheckin(checkin.id), {
    refresh: [checkinKeys.list],
    done: "Check-in deleted",
    onDone: () => navigate("/checkins"),
  });
  // A lead keeps the ritual's team on offer even when an admin chose it for them.
  const teams = choices.teams.some((t) => t.id === checkin.teamId)
    ? choices.teams
    : [...choices.teams, ...(choices.allTeams ?? []).filter((t) => t.id === checkin.teamId)];

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Edit check-in
        </Title>
        <Group gap="xs">
          <Button variant="default" loading={pause.isPending} onClick={() => pause.mutate(!checkin.paused)}>
            {checkin.paused ? "Resume" : "Pause"}
          </Button>
          <ConfirmButton
            size="sm"
            question={`Delete "${checkin.name}"? Nobody receives it any more, and its answers and digests go with it.`}
            confirmLabel="Delete check-in"
            loading={remove.isPending}
            onConfirm={() => remove.mutate(undefined)}
          >
            Delete
          </ConfirmButton>
        </Group>
      </Group>
      {checkin.paused && (
        <Alert color="yellow" title="Paused">
          Nobody receives it until it is resumed.
        </Alert>
      )}
      <FormError error={pause.error ?? remove.error} />
      <Text c="dimmed">
        Changes apply from the next delivery. Times beside each person are also shown in your zone (
        {choices.viewer.zone}).
      </Text>
      <CheckinForm
        label="Edit check-in"
        form={form}
        setForm={setForm}
        teams={teams}
        allTeams={choices.allTeams}
        people={choices.people}
        teamRequired={choices.teamRequired}
        viewerZone={choices.viewer.zone}
        errors={fieldErrors(save.error)}
        pending={save.isPending}
        submitLabel="Save changes"
        onSubmit={() => save.mutate(undefined)}
      >
        <FormError error={save.error} />
      </CheckinForm>
    </Stack>
  );
}
