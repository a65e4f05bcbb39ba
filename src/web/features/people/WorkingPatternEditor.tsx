import type { PersonView } from "../../../contracts/people";
import { type WeekEditorWords, WeekPatternForm } from "../../components/WeekEditor";
import { WEEKDAYS_NINE_TO_FIVE } from "../../lib/pattern";
import { keys } from "../../lib/resources";

const WORDS: WeekEditorWords = {
  span: "hours",
  add: "Add hours",
  none: "Not working",
  clear: (day) => `Clear ${day}`,
  first: { start: "09:00", end: "17:00" },
};

/** A person's weekly working hours in their own zone: per-day intervals, presets, saved with PUT. */
export function WorkingPatternEditor({ person }: { person: PersonView }) {
  return (
    <WeekPatternForm
      id="pattern"
      title="Working pattern"
      action="Save working pattern"
      done="Working pattern saved"
      path={`/people/${person.id}/working-pattern`}
      refresh={[keys.person(person.id), keys.people, ["me"]]}
      initial={person.workingPattern.week}
      words={WORDS}
      presets={[{ label: "Mon–Fri 9–17", week: WEEKDAYS_NINE_TO_FIVE }]}
      intro={`Your usual hours each week, in your own time zone (${person.timeZone}). Split a day into several spans for a long break; leave a day empty when you do not work.`}
    />
  );
}
