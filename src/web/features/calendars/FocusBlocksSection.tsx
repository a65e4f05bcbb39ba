import { WEEKDAYS } from "../../../core/time";
import { Loading } from "../../components/Loading";
import { SectionCard } from "../../components/SectionCard";
import { type WeekEditorWords, WeekPatternForm } from "../../components/WeekEditor";
import { calendarKeys, useFocusBlocks } from "./api";

const WORDS: WeekEditorWords = {
  span: "focus block",
  add: "Add focus block",
  none: "No focus time",
  clear: (day) => `Clear focus blocks on ${day}`,
  first: { start: "09:00", end: "11:00" },
  emptyWeek: "No focus blocks yet. Add one on any day, or start with weekday mornings and adjust.",
};

const WEEKDAY_MORNINGS = Object.fromEntries(
  WEEKDAYS.slice(0, 5).map((d) => [d, [{ start: "09:00", end: "11:00" }]]),
);

/** A person's weekly focus blocks, edited like working hours and saved with PUT. */
export function FocusBlocksSection({ personId }: { personId: string }) {
  const focus = useFocusBlocks(personId);
  if (!focus.data) {
    return (
      <SectionCard id="focus" title="Focus blocks">
        <Loading error={focus.error} />
      </SectionCard>
    );
  }
  return (
    <WeekPatternForm
      // Starts again from what the server holds after each save (it sorts and merges the blocks).
      key={focus.data.updatedAt ?? "none"}
      id="focus"
      title="Focus blocks"
      action="Save focus blocks"
      done="Focus blocks saved"
      path={`/people/${personId}/focus-blocks`}
      refresh={[calendarKeys.focus(personId)]}
      initial={focus.data.week}
      words={WORDS}
      presets={[{ label: "Weekday mornings 9–11", week: WEEKDAY_MORNINGS }]}
      intro={`Time you keep for deep work each week, in your own time zone (${focus.data.timeZone}). Scheduling keeps meetings out of these when it can, and your calendar feed shows them in your calendar app.`}
    />
  );
}
