import { TagsInput } from "@mantine/core";
import { MAX_TAGS } from "../../../../contracts/documents";
import { errorUnder } from "../../../lib/action";
import { useTags } from "../api";

/** A document's tags: typed freely (Enter or comma adds one), with the tags already in use offered. */
export function TagsField(props: {
  value: string[];
  onChange: (tags: string[]) => void;
  errors: Record<string, string>;
}) {
  const tags = useTags();
  return (
    <TagsInput
      label="Tags"
      description={`Up to ${MAX_TAGS}, to find it in the list (for example "handbook" or "q3 planning").`}
      data={tags.data?.map((t) => t.tag) ?? []}
      value={props.value}
      onChange={(next) => props.onChange(next.map((t) => t.trim().toLowerCase()).filter(Boolean))}
      maxTags={MAX_TAGS}
      clearable
      error={errorUnder(props.errors, "tags")}
      maw={560}
    />
  );
}
