export const flexibleWorking = {
  id: "flexible-working",
  title: "Flexible working policy",
  summary: "Who may work flexibly, how to ask, how requests are decided, and what stays fixed.",
  body: `# Flexible working policy

## Purpose
We want people to do their best work at the times and places that suit them and their teams. This policy explains what flexibility is available, how to ask for it, and how we decide.

## Who it covers
Everyone employed by the organisation, from their first day. Contractors follow their contract.

## What flexibility means here
- **Flexible hours**: choosing your start and finish times, within your team's agreed shared hours.
- **Part-time and compressed weeks**: fewer hours, or your hours in fewer days (for example four 10-hour days).
- **Remote and hybrid work**: working from home or another suitable place for some or all of the week.
- **Time-zone moves**: working from another time zone for a period (record it in Tandem as a *zone change* so colleagues see your hours correctly).

## What stays fixed
- The working agreement of your team: shared hours for live meetings, reply-by norms and meeting rules.
- Legal limits on working time, rest breaks and health and safety.
- Anything your role requires in person (you and your manager will agree what that is, in writing).

## How to ask
1. Write your request to your manager (and copy HR): what you would like, from when, and how you think it will affect your work and your team.
2. Update your **working pattern** in Tandem once it is agreed, so scheduling and reply-by deadlines use your real hours.

## How we decide
- We answer within **two weeks**, and always in writing with reasons.
- We say yes unless there is a clear business reason not to. If we say no, we explain the reason and what could change the answer, and you may appeal to HR once.
- A trial period of up to three months is fine when the effect is uncertain.

## Reviewing arrangements
Arrangements are reviewed after six months or when either side asks. Changes need two weeks' notice unless both agree otherwise.

## Fairness
Flexible workers have the same access to opportunities, information and promotion. Important decisions are written down so nobody has to be in the room to be included.
`,
};
