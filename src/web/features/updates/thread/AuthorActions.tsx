import { Button, Group } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { FormError } from "../../../components/FormError";
import { api } from "../../../lib/api";
import { updateKeys } from "../api";
import type { ThreadContext } from "./context";

/** Edit (the author) and delete (the author or an admin, asked once), then back to the feed. */
export function AuthorActions({
  update: u,
  editing,
  onEdit,
}: ThreadContext & { editing: boolean; onEdit(): void }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () => api("DELETE", `/updates/${u.id}`),
    onSuccess: async () => {
      // Drop the thread before leaving, so nothing asks for it again and finds it gone.
      client.removeQueries({ queryKey: updateKeys.one(u.id) });
      await client.invalidateQueries({ queryKey: updateKeys.all });
      notifications.show({ message: "Update deleted.", color: "green" });
      navigate("/updates");
    },
  });
  if (!u.can.edit && !u.can.delete) return null;
  return (
    <div>
      <Group gap="xs">
        {u.can.edit && !editing && (
          <Button variant="light" onClick={onEdit}>
            Edit
          </Button>
        )}
        {u.can.delete && (
          <ConfirmButton
            question="Delete this update with its comments, answers and reactions? This cannot be undone."
            confirmLabel="Delete update"
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
