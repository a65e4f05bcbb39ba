import { ActionIcon, Button, FileInput, Group, List, Stack, Text, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { submitWith } from "../../lib/action";
import { type CalendarView, calendarKeys, type SendStage, sendCalendarFile } from "./api";
import { calendarNameFromFile, countEvents, fileProblem, formatBytes, problemText } from "./calendar-text";
import { SendProgress } from "./SendProgress";

interface Chosen {
  key: string;
  file: File;
  name: string;
  stage?: SendStage;
  result?: CalendarView;
  problem?: string;
}

const pending = (c: Chosen) => !c.result;

/**
 * One or several .ics files, each with a name, sent one after the other with its own progress and
 * its own result: "Work calendar: 412 events", or the server's problem naming the line.
 */
export function UploadCalendars({ personId }: { personId: string }) {
  const client = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [sending, setSending] = useState(false);
  const update = (key: string, change: Partial<Chosen>) =>
    setChosen((list) => list.map((c) => (c.key === key ? { ...c, ...change } : c)));
  const choose = (picked: File[]) => {
    setFiles(picked);
    setChosen(
      picked.map((file, i) => ({
        key: `${i}-${file.name}-${file.size}`,
        file,
        name: calendarNameFromFile(file.name),
      })),
    );
  };
  const sendAll = async () => {
    setSending(true);
    for (const item of chosen.filter(pending)) {
      update(item.key, { problem: undefined, stage: { stage: "reading" } });
      try {
        const result = await sendCalendarFile(personId, item.file, { name: item.name.trim() }, (stage) =>
          update(item.key, { stage }),
        );
        update(item.key, { result, stage: undefined });
      } catch (err) {
        update(item.key, { problem: fileProblem(err), stage: undefined });
      }
    }
    setSending(false);
    await client.invalidateQueries({ queryKey: calendarKeys.calendars(personId) });
  };
  const toSend = chosen.filter(pending).length;
  return (
    <form onSubmit={submitWith(() => void sendAll())} aria-label="Upload calendar files">
      <Stack gap="xs">
        <Text fw={500}>Upload calendar files</Text>
        <FileInput
          label="Calendar files (.ics)"
          description="Export your calendar from Google Calendar, Outlook or Apple Calendar; choose one file or several."
          placeholder="Choose .ics files"
          // Mantine's placeholder grey is below AA contrast; the app's dimmed text passes.
          styles={{ placeholder: { color: "var(--mantine-color-dimmed)" } }}
          accept=".ics,.ical,text/calendar"
          multiple
          value={files}
          onChange={choose}
          clearable
          clearButtonProps={{ "aria-label": "Clear the chosen files" }}
          disabled={sending}
        />
        {chosen.length > 0 && (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }} aria-label="Chosen files">
            {chosen.map((c) => (
              <Stack component="li" key={c.key} gap={4}>
                {!c.result && (
                  <Group gap="xs" align="flex-end" wrap="nowrap">
                    <TextInput
                      label={`Name for ${c.file.name}`}
                      description={formatBytes(c.file.size)}
                      required
                      value={c.name}
                      onChange={(e) => update(c.key, { name: e.currentTarget.value })}
                      disabled={sending}
                      style={{ flex: 1, minWidth: 0 }}
                    />
                    {!sending && (
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        mb={4}
                        aria-label={`Do not upload ${c.file.name}`}
                        onClick={() => {
                          setChosen((list) => list.filter((x) => x.key !== c.key));
                          setFiles((list) => list.filter((f) => f !== c.file));
                        }}
                      >
                        ×
                      </ActionIcon>
                    )}
                  </Group>
                )}
                {c.stage && <SendProgress stage={c.stage} label={`Upload of ${c.file.name}`} />}
                <div aria-live="polite">
                  {c.result && (
                    <Text size="sm" c="var(--mantine-color-green-light-color)">
                      {c.result.name}: {countEvents(c.result.eventCount)}
                    </Text>
                  )}
                  {c.result?.problems && c.result.problems.length > 0 && (
                    <Stack gap={2}>
                      <Text size="sm">
                        These events could not be read in full; the rest was imported. Fix them in your
                        calendar app and upload again:
                      </Text>
                      <List size="sm">
                        {c.result.problems.map((p) => (
                          <List.Item key={`${p.line}:${p.message}`}>{problemText(p)}</List.Item>
                        ))}
                      </List>
                    </Stack>
                  )}
                  {c.problem && (
                    <Text size="sm" c="var(--mantine-color-error)">
                      {c.file.name}: {c.problem}
                    </Text>
                  )}
                </div>
              </Stack>
            ))}
          </Stack>
        )}
        <Group>
          <Button type="submit" variant="light" loading={sending} disabled={toSend === 0}>
            {toSend > 1 ? `Upload ${toSend} files` : "Upload file"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
