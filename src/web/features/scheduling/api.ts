import { useQuery } from "@tanstack/react-query";
import type { CreateMeetingBody, MeetingView } from "../../../contracts/meetings";
import type {
  LedgerView,
  RotationBody,
  RotationPlanView,
  RotationView,
  SlotsBody,
  SlotView,
} from "../../../contracts/scheduling";
import { api, get } from "../../lib/api";

export const schedulingKeys = {
  ledger: (teamId: string | null) => ["scheduling", "ledger", teamId ?? ""] as const,
  rotations: ["scheduling", "rotations"] as const,
  all: ["scheduling"] as const,
};

export async function findSlots(body: SlotsBody): Promise<SlotView[]> {
  return (await api<{ slots: SlotView[] }>("POST", "/scheduling/slots", body)).slots;
}

export function planRotation(body: RotationBody): Promise<RotationPlanView> {
  return api<RotationPlanView>("POST", "/scheduling/rotation", body);
}

/** A saved rotation as a meeting series (POST /meetings with rotationId): 201, or 409 with violations. */
export function createMeetingsFromRotation(body: CreateMeetingBody & { rotationId: string }) {
  return api<{ meeting: MeetingView }>("POST", "/meetings", body);
}

export function deleteRotation(id: string): Promise<void> {
  return api<void>("DELETE", `/scheduling/rotations/${id}`);
}

export function useLedger(teamId: string | null) {
  return useQuery({
    queryKey: schedulingKeys.ledger(teamId),
    queryFn: () => get<{ ledger: LedgerView }>(`/scheduling/ledger${teamId ? `?teamId=${teamId}` : ""}`),
    select: (data) => data.ledger.people,
  });
}

export function useRotations() {
  return useQuery({
    queryKey: schedulingKeys.rotations,
    queryFn: () => get<{ rotations: RotationView[] }>("/scheduling/rotations"),
    select: (data) => data.rotations,
  });
}
