import type { ErrorBody } from "../../contracts/errors";

/** An API failure carrying the server's error body, so forms can show what to fix. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody["error"] | undefined,
  ) {
    super(body?.message ?? `Request failed (${status})`);
  }

  /** Field path → message, from a 400's details. */
  get fields(): Record<string, string> {
    const list =
      (this.body?.details as { fields?: { path: string; message: string }[] } | undefined)?.fields ?? [];
    return Object.fromEntries(list.map((f) => [f.path, f.message]));
  }
}

let csrfToken: string | null = null;

async function csrf(): Promise<string> {
  if (!csrfToken) {
    const res = await fetch("/api/v1/auth/csrf", { credentials: "same-origin" });
    csrfToken = res.ok ? ((await res.json()) as { token: string }).token : "";
  }
  return csrfToken;
}

/** Forget the CSRF token when the session changes (sign-in, sign-out). */
export function resetSession(): void {
  csrfToken = null;
}

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  raw?: { type: string; data: BodyInit },
): Promise<T> {
  const headers: Record<string, string> = {};
  if (method !== "GET") {
    const token = await csrf();
    if (token) headers["x-csrf-token"] = token;
  }
  if (body !== undefined) headers["content-type"] = "application/json";
  if (raw) headers["content-type"] = raw.type;
  const res = await fetch(`/api/v1${path}`, {
    method,
    headers,
    credentials: "same-origin",
    body: raw ? raw.data : body === undefined ? null : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const json = await res.json().catch(() => undefined);
  if (!res.ok) throw new ApiError(res.status, (json as ErrorBody | undefined)?.error);
  return json as T;
}

export const get = <T>(path: string) => api<T>("GET", path);

/**
 * Sends a file body with XMLHttpRequest, which (unlike fetch) reports upload progress:
 * `onProgress` gets 0–1 while the bytes go up, then the server's answer resolves the promise.
 * A `FormData` body goes without a type: the browser sets multipart's boundary.
 */
export async function upload<T>(
  path: string,
  file: { type: string; data: string | Blob } | { data: FormData },
  onProgress: (fraction: number) => void,
  method: "POST" | "PUT" = "POST",
): Promise<T> {
  const token = await csrf();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, `/api/v1${path}`);
    if ("type" in file) xhr.setRequestHeader("content-type", file.type);
    if (token) xhr.setRequestHeader("x-csrf-token", token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new Error("network error"));
    xhr.onload = () => {
      let json: unknown;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        json = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as T);
      else reject(new ApiError(xhr.status, (json as ErrorBody | undefined)?.error));
    };
    xhr.send(file.data);
  });
}
