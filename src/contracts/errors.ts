import { z } from "zod";

/** Every error code the API answers with, and the HTTP status it maps to. */
export const ERROR_STATUS = {
  validation_failed: 400,
  malformed_json: 400,
  invalid_ics: 400,
  /** An insights breakdown whose groups could be set against each other to single out fewer people than the minimum (`details.groups`). */
  privacy_threshold: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** A meeting breaks a blocking rule of the agreement (`details.violations`); send `override: { reason }`. */
  agreement_conflict: 409,
  setup_closed: 409,
  invitation_invalid: 410,
  /** A recording's video was deleted by the organisation's retention setting (its update stays). */
  recording_expired: 410,
  /** A data export's download link is valid 24 hours after it is ready. */
  export_expired: 410,
  payload_too_large: 413,
  ics_too_large: 413,
  unsupported_media_type: 415,
  /** A `Range` outside the file; the `Content-Range` header then says the file's length. */
  range_not_satisfiable: 416,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** The error envelope every route may answer with (declared on every route by the server's `replies`). */
export const errorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    requestId: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;
