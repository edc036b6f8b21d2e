import http from "node:http";

// A tiny web server on 127.0.0.1 for import tests: serves fixed pages and counts every
// request, so a test can prove that nothing from an imported page was ever loaded.
export type PageServer = { url: string; hits: string[]; close: () => Promise<void> };

export async function startPageServer(
  routes: Record<string, { status?: number; type?: string; body?: string; location?: string }>,
): Promise<PageServer> {
  const hits: string[] = [];
  const server = http.createServer((request, response) => {
    hits.push(request.url ?? "");
    const route = routes[request.url ?? ""];
    if (!route) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response
      .writeHead(route.status ?? 200, {
        "content-type": route.type ?? "text/html; charset=utf-8",
        ...(route.location ? { location: route.location } : {}),
      })
      .end(route.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
