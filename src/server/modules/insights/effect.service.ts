import type { z } from "zod";
import type { AgreementEffectView, agreementEffectQuery } from "../../../contracts/insights";
import type { Deps } from "../../deps";
import type { Actor } from "../../platform/http/actor";

export async function agreementEffect(
  deps: Deps,
  actor: Actor,
  query: z.output<typeof agreementEffectQuery>,
): Promise<AgreementEffectView> {
  void deps;
  void actor;
  void query;
  throw new Error("not built yet");
}
