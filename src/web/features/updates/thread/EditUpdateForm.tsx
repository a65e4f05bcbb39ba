import { Button, Group, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { FormError } from "../../../components/FormError";
import { MarkdownPreview } from "../../../components/MarkdownPreview";
import { SectionCard } from "../../../components/SectionCard";
import { fieldErrors, submitWith } from "../../../lib/action";
import { useThreadAction } from "./api";
import type { ThreadContext } from "./context";

/**
 * The author's edit of the title and body. The text being edited is the author's own copy: a live
 * refresh of the thread does not overwrite it; the previous text is kept as a version by the server.
 */
export function EditUpdateForm({ update: u, onClose }: ThreadContext & { onClose(): void }) {
  const [form, setForm] = useState({ title: u.title, body: u.body });
  const save = useThreadAction(
    (body: { title?: string; body?: string }) => ({ method: "PATCH", path: `/updates/${u.id}`, body }),
    { done: "Update edited; the earlier text is kept in its history.", onDone: onClose },
  );
  const errors = fieldErrors(save.error);
  const changes = {
    ...(form.title.trim() !== u.title ? { title: form.title.trim() } : {}),
    ...(form.body !== u.body ? { body: form.body } : {}),
  };
  const changed = Object.keys(changes).length > 0;
  return (
    <SectionCard
      id="edit"
      title="Edit the update"
      intro="Readers see it marked “edited”, with the earlier text."
    >
      <form aria-label="Edit the update" onSubmit={submitWith(() => changed && save.mutate(changes))}>
        <Stack gap="sm">
          <TextInput
            label="Title"
            required
            value={form.title}
            onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
            error={errors.title}
          />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Textarea
              label="Text (markdown)"
              autosize
              minRows={6}
              maxRows={30}
              value={form.body}
              onChange={(e) => setForm({ ...form, body: e.currentTarget.value })}
              error={errors.body}
            />
            <MarkdownPreview source={form.body} label="Preview of the update" />
          </SimpleGrid>
          <FormError error={save.error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!changed}>
              Save changes
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
