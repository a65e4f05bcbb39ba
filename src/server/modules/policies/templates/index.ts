import { flexibleWorking } from "./flexible-working";
import { meetingPolicy } from "./meeting-policy";
import { rightToDisconnect } from "./right-to-disconnect";

export interface PolicyTemplate {
  id: string;
  title: string;
  summary: string;
  body: string;
}

export const POLICY_TEMPLATES: PolicyTemplate[] = [flexibleWorking, rightToDisconnect, meetingPolicy];
