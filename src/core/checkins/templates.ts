import type { AskedQuestion, QuestionView, TemplateView } from "../../contracts/checkins";
import { dateToEpochDay } from "../time";
import { weekStart } from "./summary";

const WEEKDAYS_ONLY = ["mon", "tue", "wed", "thu", "fri"] as const;
const MOOD = ["Rough", "Not great", "Okay", "Good", "Great"];
const AGREEMENT = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"];

/** Light, inclusive, non-work questions for the social question: one a week, in turn. */
const SOCIAL_PROMPTS = [
  "What is something small that made you smile this week?",
  "What is the view from where you are working today?",
  "What is a dish from where you live that you would recommend to the team?",
  "What is a song you have had on repeat lately?",
  "What is something you learned recently, at work or elsewhere?",
  "If you could spend a day anywhere in the world, where would it be?",
  "What is a book, podcast, film or show you enjoyed recently?",
  "What is a hobby or pastime you would like to try one day?",
  "What does a perfect weekend morning look like for you?",
  "What is the best piece of advice you have been given?",
  "Which season do you like best where you live, and why?",
  "What is a tradition or celebration you enjoy?",
  "What is something you are looking forward to?",
  "Share a photo or describe something on your desk and its story.",
];

/**
 * The templates: daily standup, weekly check-in, team health (five pulse items) and the weekly
 * social question (a rotating light question; its answers are shared with the team in the digest).
 */
export const TEMPLATES: readonly TemplateView[] = [
  {
    id: "daily_standup",
    name: "Daily standup",
    description:
      "A short written standup each working morning at 09:30 in each person's own time zone: what got done, " +
      "what is next, anything blocking, and how they feel (the mood is private; the team only sees an average).",
    schedule: { days: [...WEEKDAYS_ONLY], localTime: "09:30" },
    windowHours: 24,
    reminder: true,
    questions: [
      { type: "text", prompt: "What did you get done since the last check-in?" },
      { type: "text", prompt: "What will you do today?" },
      { type: "blocker", prompt: "Anything blocking you?", unblockerPrompt: "Who can unblock you?" },
      { type: "pulse", prompt: "How are you feeling today?", options: MOOD },
    ],
  },
  {
    id: "weekly_checkin",
    name: "Weekly check-in",
    description:
      "Every Friday at the start of each person's working day: the week's wins, plans for next week, how " +
      "sustainable the workload was, focus time and blockers. Three days to answer.",
    schedule: { days: ["fri"], localTime: "start_of_day" },
    windowHours: 72,
    reminder: true,
    questions: [
      { type: "text", prompt: "What went well this week?" },
      { type: "text", prompt: "What do you plan to do next week?" },
      {
        type: "scale",
        prompt: "How sustainable was your workload?",
        options: ["Not at all", "Barely", "Somewhat", "Mostly", "Completely"],
      },
      { type: "yes_no", prompt: "Did you have enough focus time?" },
      { type: "blocker", prompt: "Is anything blocking you?", unblockerPrompt: "Who can unblock you?" },
    ],
  },
  {
    id: "team_health",
    name: "Team health",
    description:
      "Five private questions every Monday on workload, clarity, working across time zones, recognition and " +
      "energy. Nobody sees individual answers; the team sees averages only when enough people answered.",
    schedule: { days: ["mon"], localTime: "start_of_day" },
    windowHours: 96,
    reminder: true,
    questions: [
      {
        type: "pulse",
        prompt: "My workload is manageable.",
        options: AGREEMENT,
      },
      { type: "pulse", prompt: "I know what is expected of me and why it matters.", options: AGREEMENT },
      {
        type: "pulse",
        prompt: "Working with colleagues in other time zones goes smoothly.",
        options: AGREEMENT,
      },
      { type: "pulse", prompt: "My work is noticed and appreciated.", options: AGREEMENT },
      {
        type: "pulse",
        prompt: "How is your energy this week?",
        options: ["Drained", "Low", "Okay", "Good", "Great"],
      },
    ],
  },
  {
    id: "social_question",
    name: "Social question",
    description:
      "One light, non-work question every Wednesday at 11:00 in each person's time zone, a different one each " +
      "week. Answers are shared with the team, a way to get to know each other across time zones.",
    schedule: { days: ["wed"], localTime: "11:00" },
    windowHours: 48,
    reminder: false,
    questions: [{ type: "text", prompt: "This week's social question", rotatingPrompts: SOCIAL_PROMPTS }],
  },
];

/** 1970-01-05, the first Monday after the epoch: week 0 of the rotation. */
const FIRST_MONDAY = dateToEpochDay("1970-01-05");

/**
 * What an occurrence asks: the ritual's questions in position order, a rotating prompt chosen for
 * the week of `localDate` (whole weeks since 1970-01-05 of that week's Monday, so the same for
 * everyone that week whatever their zone, and the next prompt the week after).
 */
export function askedQuestions(questions: readonly QuestionView[], localDate: string): AskedQuestion[] {
  const weekIndex = (dateToEpochDay(weekStart(localDate)) - FIRST_MONDAY) / 7;
  return [...questions]
    .sort((a, b) => a.position - b.position)
    .map((question) => {
      const rotating = question.rotatingPrompts;
      const prompt =
        rotating && rotating.length > 0
          ? (rotating[((weekIndex % rotating.length) + rotating.length) % rotating.length] as string)
          : question.prompt;
      return {
        id: question.id,
        type: question.type,
        prompt,
        options: question.options,
        unblockerPrompt: question.unblockerPrompt,
      };
    });
}
