import { useQuery } from "@tanstack/react-query";
import type { RecordingSettings } from "../../../contracts/recordings";
import { api, get } from "../../lib/api";

export const recordingSettingsKey = ["organisation", "recordings"] as const;

/** How long the organisation keeps video files (`retentionDays: null`: until the update is deleted). */
export function useRecordingSettings() {
  return useQuery({
    queryKey: recordingSettingsKey,
    queryFn: () => get<RecordingSettings>("/organisation/recordings"),
  });
}

export const saveRecordingSettings = (body: RecordingSettings) =>
  api<RecordingSettings>("PUT", "/organisation/recordings", body);
