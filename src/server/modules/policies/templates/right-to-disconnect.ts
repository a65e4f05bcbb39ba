export const rightToDisconnect = {
  id: "right-to-disconnect",
  title: "Right to disconnect policy",
  summary:
    "Nobody is expected to read or answer work messages outside their working hours; urgent overrides are rare and logged.",
  body: `# Right to disconnect policy

## Purpose
Rest is part of good work. Outside your working hours you may switch off: you are not expected to read, answer or act on work messages, calls or meetings.

## Notification hours
- Tandem delivers notifications only inside **each person's own working hours** (their working pattern, in their time zone), unless the working agreement sets other notification hours.
- Messages sent outside someone's hours wait until their next working period. Reply-by deadlines are counted in the recipient's working hours, never in the sender's.

## Urgent overrides
- Only a real emergency justifies reaching someone outside their hours: an incident affecting customers or safety, or a legal deadline that cannot move.
- Marking a message **urgent** delivers it immediately. Every urgent override is **logged** with who sent it and why, and reviewed monthly by HR.
- Repeated urgent overrides to the same person are raised with their manager and the sender's manager.

## What managers do
- Do not send messages outside your team's hours expecting an answer; schedule them instead.
- Never treat a late reply outside working hours as a performance issue.
- Protect on-call rotations with clear schedules and compensation, agreed in advance.

## How we measure it
HR reviews, for groups of at least five people (never for individuals):
- after-hours meeting time and after-hours messages sent and received;
- the number of urgent overrides and who received them;
- pulse answers about being able to switch off.
Results are shared with teams, and the working agreement is changed if the numbers say it is not working.

## Raising a concern
If you feel pressure to be available outside your hours, talk to your manager, HR, or use the anonymous pulse. Nobody will be treated worse for using this policy.
`,
};
