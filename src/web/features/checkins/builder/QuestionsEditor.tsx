import { Button, Fieldset, Group, Input, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { MAX_QUESTIONS, QUESTION_TYPES, type QuestionType } from "../../../../contracts/checkins";
import { errorUnder } from "../../../lib/action";
import { PulseLockNote } from "../PulseLockNote";
import { blankQuestion, moveQuestion, QUESTION_TYPE_LABELS, type QuestionDraft, withType } from "./form";

const TYPE_OPTIONS = QUESTION_TYPES.map((t) => ({ value: t, label: QUESTION_TYPE_LABELS[t] }));

/**
 * The ritual's questions in the order they are asked: add, remove, move up or down with buttons (the
 * moved button keeps the focus, so a keyboard can move a question several places in a row).
 */
export function QuestionsEditor(props: {
  questions: QuestionDraft[];
  onChange(questions: QuestionDraft[]): void;
  errors: Record<string, string>;
}) {
  const { questions, onChange, errors } = props;
  const set = (index: number, question: QuestionDraft) =>
    onChange(questions.map((q, i) => (i === index ? question : q)));
  const move = (index: number, by: -1 | 1) => {
    const key = questions[index]?.key;
    onChange(moveQuestion(questions, index, by));
    // Moving a row moves its buttons in the page: put the focus back on the one that was pressed,
    // or on its twin once the row reaches an end.
    requestAnimationFrame(() => {
      const pressed = document.getElementById(`${key}-${by < 0 ? "up" : "down"}`) as HTMLButtonElement | null;
      const other = document.getElementById(`${key}-${by < 0 ? "down" : "up"}`);
      (pressed && !pressed.disabled ? pressed : other)?.focus();
    });
  };
  const add = () => {
    const question = blankQuestion();
    onChange([...questions, question]);
    requestAnimationFrame(() => document.getElementById(`${question.key}-prompt`)?.focus());
  };

  return (
    <Stack gap="sm">
      {errors.questions && <Input.Error>{errors.questions}</Input.Error>}
      {questions.map((q, i) => {
        const at = `questions[${i}]`;
        const n = i + 1;
        return (
          <Fieldset key={q.key} legend={`Question ${n}`}>
            <Stack gap="xs">
              <Group align="flex-start" wrap="wrap" gap="xs">
                <Select
                  label="Type"
                  aria-label={`Question ${n} type`}
                  data={TYPE_OPTIONS}
                  value={q.type}
                  allowDeselect={false}
                  onChange={(type) => type && set(i, withType(q, type as QuestionType))}
                  error={errors[`${at}.type`]}
                  style={{ flex: "0 0 180px" }}
                />
                <TextInput
                  id={`${q.key}-prompt`}
                  label="Prompt"
                  aria-label={`Question ${n} prompt`}
                  placeholder="What did you get done yesterday?"
                  value={q.prompt}
                  onChange={(e) => set(i, { ...q, prompt: e.currentTarget.value })}
                  error={errors[`${at}.prompt`]}
                  required
                  style={{ flex: "1 1 260px" }}
                />
              </Group>
              {(q.type === "scale" || q.type === "pulse") && (
                <Input.Wrapper
                  label="Labels of 1 to 5"
                  labelElement="div"
                  error={errorUnder(errors, `${at}.options`)}
                >
                  <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs" mt={4}>
                    {q.options.map((option, o) => (
                      <TextInput
                        // biome-ignore lint/suspicious/noArrayIndexKey: always five labels, 1 to 5 in place
                        key={o}
                        aria-label={`Question ${n}, label of ${o + 1}`}
                        leftSection={<Text size="xs">{o + 1}</Text>}
                        value={option}
                        onChange={(e) => {
                          const options = [...q.options];
                          options[o] = e.currentTarget.value;
                          set(i, { ...q, options });
                        }}
                      />
                    ))}
                  </SimpleGrid>
                </Input.Wrapper>
              )}
              {q.type === "blocker" && (
                <TextInput
                  label="How the person who can unblock is asked for"
                  aria-label={`Question ${n} unblocker prompt`}
                  value={q.unblockerPrompt}
                  onChange={(e) => set(i, { ...q, unblockerPrompt: e.currentTarget.value })}
                  error={errors[`${at}.unblockerPrompt`]}
                />
              )}
              {q.type === "pulse" && <PulseLockNote />}
              {q.rotatingPrompts && (
                <Text size="sm" c="dimmed">
                  The prompt changes each week, in turn among {q.rotatingPrompts.length} light questions; the
                  one above is asked when they run out.
                </Text>
              )}
              <Group gap="xs">
                <Button
                  id={`${q.key}-up`}
                  variant="default"
                  size="compact-sm"
                  aria-label={`Move question ${n} up`}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                >
                  Move up
                </Button>
                <Button
                  id={`${q.key}-down`}
                  variant="default"
                  size="compact-sm"
                  aria-label={`Move question ${n} down`}
                  disabled={i === questions.length - 1}
                  onClick={() => move(i, 1)}
                >
                  Move down
                </Button>
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  aria-label={`Remove question ${n}`}
                  disabled={questions.length === 1}
                  onClick={() => onChange(questions.filter((_, j) => j !== i))}
                >
                  Remove
                </Button>
              </Group>
              {errors[at] && <Input.Error>{errors[at]}</Input.Error>}
            </Stack>
          </Fieldset>
        );
      })}
      <Group>
        <Button variant="light" onClick={add} disabled={questions.length >= MAX_QUESTIONS}>
          Add a question
        </Button>
      </Group>
    </Stack>
  );
}
