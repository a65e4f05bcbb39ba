import { Box, Popover, Text, Textarea, type TextareaProps } from "@mantine/core";
import { type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from "react";
import { insertMention, type MentionQuery, matchPeople, mentionAt } from "./mention";

type Person = { id: string; name: string };

/**
 * A markdown textarea that offers people while an `@name` is typed: ↑/↓ move through them, Enter
 * chooses, Escape closes; choosing writes `@Whole Name `. Focus stays in the textarea (the list
 * is its `aria-activedescendant`), so typing goes on as before.
 */
export function MentionTextarea(
  props: Omit<TextareaProps, "value" | "onChange"> & {
    value: string;
    onChange: (value: string) => void;
    people: readonly Person[];
  },
) {
  const { value, onChange, people, ...textarea } = props;
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [placeCaret, setPlaceCaret] = useState<number | null>(null);
  const matches = mention ? matchPeople(people, mention.query) : [];
  const open = matches.length > 0;

  // After a person is chosen, the caret goes after the inserted name (once React has written it).
  useLayoutEffect(() => {
    if (placeCaret === null || !ref.current) return;
    ref.current.setSelectionRange(placeCaret, placeCaret);
    setPlaceCaret(null);
  }, [placeCaret]);

  const look = (el: HTMLTextAreaElement) => {
    const at = el.selectionStart;
    const found = el.selectionEnd === at ? mentionAt(el.value, at) : null;
    if (found?.start !== mention?.start || found?.query !== mention?.query) setActive(0);
    setMention(found);
    setCaret(at);
  };

  const choose = (person: Person) => {
    if (!mention) return;
    const next = insertMention(value, mention, caret, person.name);
    onChange(next.text);
    setMention(null);
    setPlaceCaret(next.caret);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + matches.length) % matches.length);
    } else if (e.key === "Enter" && !e.shiftKey) {
      const person = matches[active];
      if (!person) return;
      e.preventDefault();
      choose(person);
    } else if (e.key === "Escape") {
      e.preventDefault();
      setMention(null);
    }
  };

  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <Popover opened={open} position="bottom-start" withRoles={false} trapFocus={false} returnFocus={false}>
      <Popover.Target>
        <Textarea
          {...textarea}
          ref={ref}
          value={value}
          onChange={(e) => {
            onChange(e.currentTarget.value);
            look(e.currentTarget);
          }}
          onKeyDown={onKeyDown}
          onKeyUp={(e) => {
            if (["ArrowLeft", "ArrowRight", "Home", "End"].includes(e.key)) look(e.currentTarget);
          }}
          onClick={(e) => look(e.currentTarget)}
          onBlur={() => setMention(null)}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? optionId(active) : undefined}
        />
      </Popover.Target>
      <Popover.Dropdown p={4}>
        <Box component="ul" id={listId} role="listbox" aria-label="People to mention" m={0} p={0}>
          {matches.map((person, i) => (
            <Box
              component="li"
              key={person.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              // Keeps focus (and the caret) in the textarea while the option is clicked.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(person)}
              onMouseEnter={() => setActive(i)}
              px="sm"
              py={4}
              style={{
                listStyle: "none",
                cursor: "pointer",
                borderRadius: 4,
                background: i === active ? "var(--mantine-color-blue-light)" : undefined,
              }}
            >
              <Text size="sm">{person.name}</Text>
            </Box>
          ))}
        </Box>
      </Popover.Dropdown>
    </Popover>
  );
}
