import "server-only";

import { AppError } from "@/lib/errors/app-error";

import { readLimitedBytes } from "./read-limited";

// Multipart bodies are read with a hard byte limit before parsing, so a 2 GB upload is
// refused after maxBytes, not buffered whole.
export async function readFormData(
  request: Request,
  maxBytes: number,
  what: string,
): Promise<FormData> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  const tooLarge = new AppError(
    "PAYLOAD_TOO_LARGE",
    `${what} is too large: the limit is ${Math.round(maxBytes / 1024 / 1024)} MB.`,
  );

  if (declared > maxBytes) {
    throw tooLarge;
  }

  const bytes = await readLimitedBytes(request, maxBytes, tooLarge);
  try {
    return await new Response(new Blob([new Uint8Array(bytes)]), {
      headers: request.headers,
    }).formData();
  } catch {
    throw new AppError("INVALID_INPUT", "The upload could not be read. Choose the file again.");
  }
}
