export type RequestResult<Data> =
  | { ok: true; data: Data }
  // details: what the server sent to recover with (a conflict's two versions).
  | { ok: false; status: number; message: string; details?: Record<string, unknown> };

// Browser-side fetch for the JSON API: every failure becomes a message a person can
// read, including network errors and non-JSON answers. FormData bodies go as multipart.
export async function requestJson<Data>(
  url: string,
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  body?: unknown,
): Promise<RequestResult<Data>> {
  let response: Response;
  const isForm = body instanceof FormData;

  try {
    response = await fetch(url, {
      method,
      headers: body === undefined || isForm ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch {
    return {
      ok: false,
      status: 0,
      message: "The server could not be reached. Check your connection and try again.",
    };
  }

  if (response.status === 204) {
    return { ok: true, data: null as Data };
  }

  const payload = (await response.json().catch(() => null)) as {
    error?: { message?: string; details?: Record<string, unknown> };
  } | null;

  if (!response.ok) {
    return {
      ok: false,
      status: response.status,
      message: payload?.error?.message ?? `The server answered ${response.status}.`,
      ...(payload?.error?.details ? { details: payload.error.details } : {}),
    };
  }

  return { ok: true, data: payload as Data };
}
