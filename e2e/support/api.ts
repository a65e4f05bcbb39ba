import type { APIRequestContext } from "playwright-core";

/** A JSON call as the browser context's signed-in person (cookie + CSRF token); throws on failure. */
export async function apiCall<T>(
  request: APIRequestContext,
  baseUrl: string,
  method: string,
  path: string,
  data?: unknown,
): Promise<T> {
  const { token } = (await (await request.get(`${baseUrl}/api/v1/auth/csrf`)).json()) as { token: string };
  const res = await request.fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { "x-csrf-token": token },
    ...(data === undefined ? {} : { data }),
  });
  if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** First-run setup straight through the API; the context is then signed in as the owner. */
export async function setUpThroughApi(
  request: APIRequestContext,
  baseUrl: string,
  owner: { organisation: string; name: string; email: string; password: string; timeZone: string },
): Promise<void> {
  const res = await request.post(`${baseUrl}/api/v1/setup`, {
    data: {
      organisation: { name: owner.organisation, timeZone: owner.timeZone },
      owner: { name: owner.name, email: owner.email, password: owner.password, timeZone: owner.timeZone },
    },
  });
  if (res.status() !== 201) throw new Error(`setup → ${res.status()} ${await res.text()}`);
}
