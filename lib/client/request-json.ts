export type RequestResult<Data> =
  { ok: true; data: Data } | { ok: false; status: number; message: string };

// Browser-side fetch for the JSON API: every failure becomes a message a person can
// read, including network errors and non-JSON answers. FormData bodies go as multipart.
export async function requestJson<Data>(
  url: string,
  method: "GET" | "POST" | "PATCH" | "DELETE",
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
    error?: { message?: string };
  } | null;

  if (!response.ok) {
    return {
      ok: false,
      status: response.status,
      message: payload?.error?.message ?? `The server answered ${response.status}.`,
    };
  }

  return { ok: true, data: payload as Data };
}
