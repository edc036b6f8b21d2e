export type RequestResult<Data> =
  | { ok: true; data: Data }
  // details: what the server sent to recover with (a conflict's two versions).
  | { ok: false; status: number; message: string; details?: Record<string, unknown> };

type RequestOptions = {
  // Sent as Idempotency-Key: the server creates at most once per key, so the request can be
  // retried safely. With a key, a lost connection, a 503 (database restarting) or a 409
  // "still in progress" is retried with the same key, a few times with growing pauses.
  idempotencyKey?: string;
};

const retryDelaysMs = [300, 1_000, 2_000, 4_000, 8_000];

function isRetryable(result: RequestResult<unknown>): boolean {
  if (result.ok) {
    return false;
  }
  return (
    result.status === 0 ||
    result.status === 503 ||
    (result.status === 409 && result.details?.idempotency === "in-progress")
  );
}

// Browser-side fetch for the JSON API: every failure becomes a message a person can
// read, including network errors and non-JSON answers. FormData bodies go as multipart.
export async function requestJson<Data>(
  url: string,
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  body?: unknown,
  options: RequestOptions = {},
): Promise<RequestResult<Data>> {
  let result = await requestOnce<Data>(url, method, body, options);

  if (options.idempotencyKey === undefined) {
    return result;
  }
  for (const delay of retryDelaysMs) {
    if (!isRetryable(result)) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    result = await requestOnce<Data>(url, method, body, options);
  }
  return result;
}

async function requestOnce<Data>(
  url: string,
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  body: unknown,
  { idempotencyKey }: RequestOptions,
): Promise<RequestResult<Data>> {
  let response: Response;
  const isForm = body instanceof FormData;
  const headers: Record<string, string> =
    body === undefined || isForm ? {} : { "Content-Type": "application/json" };
  if (idempotencyKey !== undefined) {
    headers["Idempotency-Key"] = idempotencyKey;
  }

  try {
    response = await fetch(url, {
      method,
      headers,
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
