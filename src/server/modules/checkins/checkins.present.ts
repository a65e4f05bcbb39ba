import type { CheckinView, QuestionView } from "../../../contracts/checkins";
import type { CheckinRow } from "./checkin-access";
import type { PersonRef } from "./checkins.repo";

/**
 * A ritual as the contract shows it. `participants` is everyone it is delivered to now; `named`
 * the people named besides the team; `canManage` whether the viewer may change or delete it.
 */
export function presentCheckin(
  row: CheckinRow,
  questions: readonly QuestionView[],
  participants: { all: readonly PersonRef[]; named: readonly string[] },
  teamName: string | null,
  canManage: boolean,
): CheckinView {
  return {
    id: row.id,
    name: row.name,
    teamId: row.teamId,
    teamName: row.teamId ? teamName : null,
    participantIds: [...participants.named].sort(),
    participants: [...participants.all],
    schedule: { days: row.days, localTime: row.localTime },
    windowHours: row.windowHours,
    reminder: row.reminder,
    paused: row.paused,
    templateId: row.templateId,
    ownerId: row.ownerId,
    questions: [...questions],
    createdAt: row.createdAt.toISOString(),
    canManage,
  };
}
