/** What some files hold, in words; any other table is described by its name and the columns that name you. */
const ABOUT: Record<string, string> = {
  people: "your profile: name, email, role, time zone, working pattern (and the people who report to you)",
  absences: "your absences and days off",
  zone_changes: "the time zones you announced for travel",
  team_members: "the teams you belong to and your role in each",
  sessions: "your signed-in sessions (when they began and end; never their secret)",
  api_tokens: "your API tokens' names and when they were used (never the tokens)",
  calendars: "the calendars you connected",
  busy_intervals: "the busy times read from your calendars (no titles are kept)",
  focus_blocks: "your focus time",
  meetings: "meetings you organised or attended (shared with the other attendees)",
  meeting_attendees: "your place in each meeting and your RSVPs",
  meeting_private_notes: "your own private notes on meetings",
  meeting_ratings: "your 'worth it?' answers",
  updates: "updates you wrote",
  update_comments: "your comments",
  documents: "documents you own or last saved",
  document_versions: "versions of documents you saved",
  recordings: "your recordings (their video files are in recordings/)",
  checkin_answers: "your answers to check-ins, pulse included",
  notifications: "notifications sent to you or caused by you",
  notification_settings: "your notification settings",
  insight_weeks: "your weekly balance figures (meeting hours, focus, after-hours work)",
  audit_log: "the audit log's entries of things you did",
};

export interface ReadmeFile {
  name: string;
  rows: number;
  /** Table files: the columns that tie a row to the person (none for an organisation export). */
  personColumns: readonly string[];
}

export interface ReadmeFacts {
  kind: "person" | "organisation";
  /** "Ada Lovelace <ada@example.org>" or the organisation's name. */
  subject: string;
  organisation: string;
  madeAt: Date;
  requestedBy: string;
  tables: readonly ReadmeFile[];
  files: readonly string[];
}

const tableName = (file: string) => file.replace(/\.json$/, "");

/** README.txt: what the archive is, each file, how to read them and what was left out. */
export function readme(facts: ReadmeFacts): string {
  const person = facts.kind === "person";
  const lines = [
    "Tandem data export",
    "==================",
    "",
    person
      ? `Everything Tandem holds about ${facts.subject} in ${facts.organisation},`
      : `Everything Tandem holds for the organisation ${facts.organisation},`,
    `made on ${facts.madeAt.toISOString()} at the request of ${facts.requestedBy}.`,
    "",
    "How to read it",
    "--------------",
    "Each .json file is a JSON array holding the rows of one table, one row per line. Keys are the",
    "table's column names. Times are ISO 8601 with their offset from UTC; dates are YYYY-MM-DD.",
    "Rows refer to each other by id (UUID): meeting_id in meeting_attendees.json is an id in",
    "meetings.json, person ids are ids in people.json. A file holding [] means Tandem keeps nothing",
    "there.",
    "",
    person ? "What is included" : "",
    person ? "----------------" : "",
    ...(person
      ? [
          "Every row that names you. A row shared with others is included whole: a meeting you",
          "attended, an update you wrote. Other people's private notes and their individual pulse",
          "answers are never included. Password and token hashes and other secrets are left out.",
          "",
        ]
      : [
          "Every table's rows of the organisation, and its stored files. Password and token hashes",
          "and other secrets are left out. So is what no role may read in Tandem: private meeting",
          "notes, individual check-in answers (pulse included), unsaved drafts and personal insight",
          "figures; their rows show only that they exist.",
          "",
        ]),
    "Files",
    "-----",
    ...facts.tables.map((file) => {
      const about = ABOUT[tableName(file.name)];
      const why =
        person && file.personColumns.length ? ` (rows where ${file.personColumns.join(" or ")} is you)` : "";
      return `${file.name}: ${file.rows} row${file.rows === 1 ? "" : "s"}${about && person ? `; ${about}` : why}`;
    }),
    ...(facts.files.length
      ? [
          "",
          `${facts.files.length} stored file${facts.files.length === 1 ? "" : "s"} under recordings/, named by the recording's id (see recordings.json):`,
          ...facts.files.map((name) => `  ${name}`),
        ]
      : []),
    "",
    "Questions about this export, or a request to correct or delete your data, go to your",
    "organisation's administrators or HR.",
    "",
  ];
  return lines.filter((line, i) => line !== "" || lines[i - 1] !== "").join("\n");
}
