import { z } from "zod";
import { errorBody } from "../../../contracts/errors";

/**
 * A route's `schema.response`: its success bodies (from `contracts/`) and the error envelope for
 * every 4xx and 5xx. The serializer encodes each body with its schema, so a field a presenter did
 * not declare never leaves the server, and `/api/openapi.json` shows every body.
 * A 204 declares `noContent`.
 */
export const noContent = z.undefined().describe("No content");

export function replies<const T extends Record<number, z.ZodType>>(success: T) {
  return { ...success, "4xx": errorBody, "5xx": errorBody };
}
