import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useEffect, useRef, useState } from "react";
import { Link, Navigate, useNavigate } from "react-router";
import type { Rules } from "../../../contracts/agreement";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { MarkdownPreview } from "../../components/MarkdownPreview";
import { fieldErrors, useAction } from "../../lib/action";
import { api } from "../../lib/api";
import { useViewer } from "../../lib/session";
import { type AgreementView, agreementKeys, mayPublish, useAgreement } from "./api";
import { errorFor, RulesForm } from "./RulesForm";
import { ruleErrors } from "./TeamOverrideEditor";

interface DraftSection {
  key: number;
  title: string;
  body: string;
}

interface Draft {
  /** The version this draft was started from; a draft of an older version is not restored. */
  baseVersion: number;
  rules: Rules;
  sections: DraftSection[];
  changeSummary: string;
}

let nextKey = 1;
const keyed = (s: { title: string; body: string }): DraftSection => ({
  key: nextKey++,
  title: s.title,
  body: s.body,
});

const fresh = (current: AgreementView): Draft => ({
  baseVersion: current.version,
  rules: current.rules,
  sections: current.sections.map(keyed),
  changeSummary: "",
});

/** The draft kept in this browser, if it was started from the current version. */
function readDraft(key: string, version: number): Draft | null {
  try {
    const draft = JSON.parse(localStorage.getItem(key) ?? "null") as Draft | null;
    return draft?.baseVersion === version ? { ...draft, sections: draft.sections.map(keyed) } : null;
  } catch {
    return null;
  }
}

/** Admin, hr and owners: the next version of the organisation's agreement. */
export function EditAgreementPage() {
  const viewer = useViewer();
  const current = useAgreement(null);
  if (!mayPublish(viewer.person.role)) return <Navigate to="/agreement" replace />;
  if (!current.data) return <Loading error={current.error} />;
  return <Editor current={current.data} draftKey={`tandem.agreement-draft.${viewer.organisation.id}`} />;
}

function Editor({ current, draftKey }: { current: AgreementView; draftKey: string }) {
  const navigate = useNavigate();
  const [restored] = useState(() => readDraft(draftKey, current.version));
  const [draft, setDraftState] = useState<Draft>(() => restored ?? fresh(current));
  const [showRestored, setShowRestored] = useState(Boolean(restored));
  const [summaryError, setSummaryError] = useState<string | undefined>();
  const [confirming, confirm] = useDisclosure();
  const edited = useRef(false);
  // Every edit is kept in this browser until it is published or discarded (nothing is lost).
  useEffect(() => {
    if (edited.current) localStorage.setItem(draftKey, JSON.stringify(draft));
  }, [draft, draftKey]);
  const removeSaved = () => {
    edited.current = false;
    localStorage.removeItem(draftKey);
  };
  const setDraft = (change: (d: Draft) => Draft) => {
    edited.current = true;
    setDraftState(change);
  };
  const setSection = (key: number, patch: Partial<DraftSection>) =>
    setDraft((d) => ({ ...d, sections: d.sections.map((s) => (s.key === key ? { ...s, ...patch } : s)) }));
  const move = (index: number, by: number) =>
    setDraft((d) => {
      const sections = [...d.sections];
      const [moved] = sections.splice(index, 1);
      if (moved) sections.splice(index + by, 0, moved);
      return { ...d, sections };
    });

  const next = current.version + 1;
  const publish = useAction(
    () =>
      api<{ agreement: AgreementView }>("PUT", "/agreement", {
        rules: draft.rules,
        sections: draft.sections.map(({ title, body }) => ({ title, body })),
        changeSummary: draft.changeSummary.trim(),
      }),
    {
      refresh: [agreementKeys.all],
      done: `Version ${next} published: everyone is asked to acknowledge it.`,
      onDone: () => {
        removeSaved();
        navigate("/agreement");
      },
    },
  );
  const errors = fieldErrors(publish.error);
  const askToPublish = () => {
    if (!draft.changeSummary.trim()) {
      setSummaryError("Say what changed, in a sentence people will read before acknowledging");
      document.getElementById("change-summary")?.focus();
      return;
    }
    setSummaryError(undefined);
    confirm.open();
  };
  const discard = () => {
    removeSaved();
    setDraftState(fresh(current));
    setShowRestored(false);
  };

  return (
    <Stack>
      <Anchor component={Link} to="/agreement" size="sm">
        ← Working agreement
      </Anchor>
      <Title order={1} size="h2">
        Edit the working agreement
      </Title>
      <Text c="dimmed">
        You are writing version {next}. Publishing it asks everyone to read and acknowledge the agreement
        again. Your edits are kept in this browser until you publish or discard them.
      </Text>
      {showRestored && (
        <Alert color="blue" variant="light" role="status" title="Your unpublished draft is back">
          <Group gap="sm">
            <Text size="sm">These are the edits you made earlier to version {current.version}.</Text>
            <Button size="compact-sm" variant="default" onClick={discard}>
              Discard the draft
            </Button>
          </Group>
        </Alert>
      )}

      <Title order={3}>Rules</Title>
      <RulesForm
        value={draft.rules}
        onChange={(rules) => setDraft((d) => ({ ...d, rules }))}
        errors={ruleErrors(publish.error)}
      />

      <Title order={3}>Sections</Title>
      <Text size="sm" c="dimmed">
        The agreement in your own words. Write in markdown: **bold**, *italic*, lists starting with “- ”,
        headings starting with “#”.
      </Text>
      {draft.sections.length === 0 && (
        <Text c="dimmed">No sections: the agreement will show its rules only. Add one to explain them.</Text>
      )}
      {draft.sections.map((section, i) => {
        const n = i + 1;
        return (
          <Card key={section.key} withBorder component="section" aria-label={`Section ${n}`}>
            <Stack gap="sm">
              <TextInput
                label={`Section ${n} title`}
                required
                value={section.title}
                onChange={(e) => setSection(section.key, { title: e.currentTarget.value })}
                error={errorFor(errors, `sections[${i}].title`)}
              />
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <Textarea
                  label={`Section ${n} text (markdown)`}
                  autosize
                  minRows={4}
                  maxRows={16}
                  value={section.body}
                  onChange={(e) => setSection(section.key, { body: e.currentTarget.value })}
                  error={errorFor(errors, `sections[${i}].body`)}
                />
                <MarkdownPreview source={section.body} label={`Preview of section ${n}`} />
              </SimpleGrid>
              <Group gap="xs">
                {(
                  [
                    ["up", -1, i === 0],
                    ["down", 1, i === draft.sections.length - 1],
                  ] as const
                ).map(([way, by, disabled]) => (
                  <Button
                    key={way}
                    size="compact-sm"
                    variant="subtle"
                    disabled={disabled}
                    onClick={() => move(i, by)}
                    aria-label={`Move section ${n} ${way}`}
                  >
                    Move {way}
                  </Button>
                ))}
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  onClick={() =>
                    setDraft((d) => ({ ...d, sections: d.sections.filter((s) => s.key !== section.key) }))
                  }
                  aria-label={`Remove section ${n}`}
                >
                  Remove
                </Button>
              </Group>
            </Stack>
          </Card>
        );
      })}
      <Group>
        <Button
          variant="light"
          onClick={() =>
            setDraft((d) => ({ ...d, sections: [...d.sections, keyed({ title: "", body: "" })] }))
          }
        >
          Add a section
        </Button>
      </Group>

      <Title order={3}>Publish</Title>
      <Textarea
        id="change-summary"
        label="What changed"
        description="People read this before they acknowledge; say what is different and why."
        required
        autosize
        minRows={2}
        value={draft.changeSummary}
        onChange={(e) => {
          const changeSummary = e.currentTarget.value;
          if (changeSummary.trim()) setSummaryError(undefined);
          setDraft((d) => ({ ...d, changeSummary }));
        }}
        error={summaryError ?? errors.changeSummary}
      />
      <FormError error={publish.error} />
      <Group justify="flex-end">
        <Button variant="default" component={Link} to="/agreement">
          Cancel
        </Button>
        <Button onClick={askToPublish} loading={publish.isPending}>
          Publish version {next}
        </Button>
      </Group>

      <Modal opened={confirming} onClose={confirm.close} title={`Publish version ${next}?`} centered>
        <Stack>
          <Text>
            Everyone in the organisation will be asked to read and acknowledge version {next}, with this
            summary:
          </Text>
          <Text fs="italic">“{draft.changeSummary.trim()}”</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>
              Keep editing
            </Button>
            <Button
              onClick={() => {
                confirm.close();
                publish.mutate(undefined);
              }}
            >
              Publish
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
