import { Button, Group } from "@mantine/core";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { FormError } from "../../../components/FormError";
import { api } from "../../../lib/api";
import { useDeleteAndLeave } from "../../../lib/delete-and-leave";
import { updateKeys } from "../api";
import type { ThreadContext } from "./context";

/** Edit (the author) and delete (the author or an admin, asked once), then back to the feed. */
export function AuthorActions({
  update: u,
  editing,
  onEdit,
}: ThreadContext & { editing: boolean; onEdit(): void }) {
  const remove = useDeleteAndLeave({
    run: () => api("DELETE", `/updates/${u.id}`),
    drop: updateKeys.one(u.id),
    refresh: updateKeys.all,
    done: "Update deleted.",
    to: "/updates",
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
