import { ERROR_STATUS, type ErrorCode } from "../../contracts/errors";

/** The one error type services throw; the HTTP layer maps `code` to a status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
export const forbidden = (why: string) => new AppError("forbidden", why);
export const conflict = (why: string, details?: unknown) => new AppError("conflict", why, details);
export const invalid = (field: string, message: string) =>
  new AppError("validation_failed", `${field}: ${message}`, { fields: [{ path: field, message }] });
