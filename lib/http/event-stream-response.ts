// A Server-Sent Events response. no-transform keeps compression (which buffers) off the
// stream, and X-Accel-Buffering: no does the same for an nginx in front.
export function eventStreamResponse(stream: ReadableStream<Uint8Array>): Response {
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
