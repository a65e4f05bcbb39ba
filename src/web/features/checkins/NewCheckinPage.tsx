import { Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useNavigate } from "react-router";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { NoAccess } from "../../components/NoAccess";
import { fieldErrors, useAction } from "../../lib/action";
import { checkinKeys, createCheckin } from "./api";
import { CheckinForm } from "./builder/CheckinForm";
import { blankForm, formFromTemplate, toCreateBody } from "./builder/form";
import { TemplatePicker } from "./builder/TemplatePicker";
import { useBuilderChoices } from "./builder/useBuilderChoices";

/** "New check-in": start from a template or blank, choose who and when, see when each person receives it. */
export function NewCheckinPage() {
  const choices = useBuilderChoices();
  const [form, setForm] = useState(blankForm);
  const navigate = useNavigate();
  const save = useAction(() => createCheckin(toCreateBody(form)), {
    refresh: [checkinKeys.list],
    done: "Check-in created",
    onDone: ({ checkin }) => navigate(`/checkins/${checkin.id}`),
  });
  if (!choices.ready) return <Loading error={choices.error} />;
  if (!choices.mayCreate) return <NoAccess />;
  return (
    <Stack>
      <Title order={1} size="h2">
        New check-in
      </Title>
      <Text c="dimmed">
        Each person receives it at their own local time; times beside them are also shown in your zone (
        {choices.viewer.zone}).
      </Text>
      <section aria-labelledby="templates-heading">
        <Title order={2} size="h4" id="templates-heading" mb="xs">
          Start from a template
        </Title>
        <TemplatePicker
          chosen={form.templateId}
          onPick={(template) => setForm(formFromTemplate(template, form))}
          onBlank={() =>
            setForm({ ...blankForm(), teamId: form.teamId, participantIds: form.participantIds })
          }
        />
      </section>
      <CheckinForm
        label="New check-in"
        form={form}
        setForm={setForm}
        teams={choices.teams}
        allTeams={choices.allTeams}
        people={choices.people}
        teamRequired={choices.teamRequired}
        viewerZone={choices.viewer.zone}
        errors={fieldErrors(save.error)}
        pending={save.isPending}
        submitLabel="Create check-in"
        onSubmit={() => save.mutate(undefined)}
      >
        <FormError error={save.error} />
      </CheckinForm>
    </Stack>
  );
}
