import type { Deps } from "./deps";
import { agreementModule } from "./modules/agreement";
import { auditModule } from "./modules/audit";
import { authModule } from "./modules/auth";
import { calendarsModule } from "./modules/calendars";
import { checkinsModule } from "./modules/checkins";
import { dataRightsModule } from "./modules/data-rights";
import { demoModule } from "./modules/demo";
import { documentsModule } from "./modules/documents";
import { insightsModule } from "./modules/insights";
import { meetingsModule } from "./modules/meetings";
import { notificationsModule } from "./modules/notifications";
import { onboardingModule } from "./modules/onboarding";
import { operationsModule } from "./modules/operations";
import { outboxModule } from "./modules/outbox";
import { peopleModule } from "./modules/people";
import { policiesModule } from "./modules/policies";
import { recordingsModule } from "./modules/recordings";
import { schedulingModule } from "./modules/scheduling";
import { searchModule } from "./modules/search";
import { setupModule } from "./modules/setup";
import { ssoModule } from "./modules/sso";
import { teamsModule } from "./modules/teams";
import { updatesModule } from "./modules/updates";
import type { ModuleDefinition } from "./platform/module";

/** Every module of the server: the app registers their routes, the worker runs their jobs. */
export const MODULES: readonly ModuleDefinition<Deps>[] = [
  setupModule,
  demoModule,
  authModule,
  auditModule,
  outboxModule,
  onboardingModule,
  peopleModule,
  teamsModule,
  agreementModule,
  policiesModule,
  calendarsModule,
  schedulingModule,
  notificationsModule,
  meetingsModule,
  documentsModule,
  recordingsModule,
  updatesModule,
  checkinsModule,
  insightsModule,
  searchModule,
  operationsModule,
  ssoModule,
  dataRightsModule,
];

/** Every job of every module: each one's queue is created at start. */
export const JOBS = MODULES.flatMap((module) => module.jobs);
