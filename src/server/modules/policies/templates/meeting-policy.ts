export const meetingPolicy = {
  id: "meeting-policy",
  title: "Meeting policy",
  summary: "When a meeting is the right tool, how to run one well, and the limits that protect focus time.",
  body: `# Meeting policy

## Async first, live on purpose
Write first. Hold a meeting when a conversation needs it: one-to-ones, performance reviews, conflicts, incidents, hiring debriefs, genuine brainstorms, or a decision that has stalled in writing. Before scheduling, ask Tandem's advisor **"Should this be a meeting?"**.

## Before the meeting
- Every meeting has an **agenda** shared at least **24 hours** before, with an owner and a time box for each item and the outcome wanted (inform, discuss or decide).
- Invite only the people needed to reach the outcome. Others can **follow async** and get the recap.
- Pick a time inside every required attendee's working hours. When that is impossible, **rotate** the inconvenient slot fairly.

## During the meeting
- Start and end on time; 25 or 50 minutes rather than 30 or 60.
- Keep notes in Tandem. One-to-one and review notes stay private to their participants.

## After the meeting
- Record **decisions** and **action items** (owner, due date) and publish the recap to the async feed the same day.
- Rate the meeting: was it worth it, could it have been async? Recurring meetings with low ratings are shortened, made async or ended.

## Limits
- Meeting budgets per person per day and per week, no-meeting days and daily focus time are set in the working agreement and respected by scheduling.
- No meeting longer than the agreement's maximum length, or with more attendees than its maximum, without a written reason in the invitation.
`,
};
