import type { RequestResult } from "./request-json";

// POSTs multipart form data with upload progress (fetch cannot report it), answering
// like requestJson: every failure becomes a message a person can read.
export function uploadForm<Data>(
  url: string,
  form: FormData,
  onProgress: (loaded: number, total: number) => void,
): Promise<RequestResult<Data>> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.responseType = "text";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded, event.total);
      }
    };
    request.onerror = () =>
      resolve({
        ok: false,
        status: 0,
        message: "The server could not be reached. Check your connection and try again.",
      });
    request.onload = () => {
      let payload: unknown = null;
      try {
        payload = JSON.parse(request.responseText);
      } catch {
        payload = null;
      }
      if (request.status >= 200 && request.status < 300) {
        resolve({ ok: true, data: payload as Data });
        return;
      }
      const error = (
        payload as { error?: { message?: string; details?: Record<string, unknown> } } | null
      )?.error;
      resolve({
        ok: false,
        status: request.status,
        message: error?.message ?? `The server answered ${request.status}.`,
        ...(error?.details ? { details: error.details } : {}),
      });
    };
    request.send(form);
  });
}
