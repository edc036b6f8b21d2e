import { execFileSync } from "node:child_process";

import { describe, expect, it } from "vitest";

import { buildCurlExample } from "./curl-example";

describe("buildCurlExample", () => {
  it("sends the token and turns path parameters into shell variables", () => {
    expect(
      buildCurlExample({
        method: "get",
        path: "/api/v1/workspaces/{workspaceId}/documents",
        auth: "token",
        query: "?limit=20",
      }),
    ).toBe(
      'curl \\\n  -H "Authorization: Bearer $FRAMEWISE_TOKEN" \\\n  "$FRAMEWISE_URL/api/v1/workspaces/$WORKSPACE_ID/documents?limit=20"',
    );
  });

  it("leaves the token out of public operations", () => {
    expect(buildCurlExample({ method: "get", path: "/api/v1/openapi.json", auth: "none" })).toBe(
      'curl \\\n  "$FRAMEWISE_URL/api/v1/openapi.json"',
    );
  });

  it("quotes a JSON body so the shell passes it through unchanged, apostrophes included", () => {
    const example = { comment: "It's the minister's claim", start: 4 };
    const command = buildCurlExample({
      method: "post",
      path: "/api/v1/documents/{documentId}/annotations",
      auth: "token",
      body: { kind: "json", example },
    });
    expect(command).toContain("-X POST");
    expect(command).toContain("$DOCUMENT_ID");

    // Let a real shell parse the -d argument and compare what curl would receive.
    const dataArgument = /-d ('(?:[^']|'\\'')*')/.exec(command)?.[1] ?? "";
    const passed = execFileSync("sh", ["-c", `printf %s ${dataArgument}`], { encoding: "utf8" });
    expect(JSON.parse(passed)).toEqual(example);
  });

  it("sends the session cookie for session-only routes", () => {
    expect(
      buildCurlExample({
        method: "get",
        path: "/api/v1/workspaces/{workspaceId}/snapshots",
        auth: "session",
      }),
    ).toBe(
      'curl \\\n  --cookie "next-auth.session-token=$FRAMEWISE_SESSION" \\\n  "$FRAMEWISE_URL/api/v1/workspaces/$WORKSPACE_ID/snapshots"',
    );
  });

  it("uploads a file as multipart form data", () => {
    expect(
      buildCurlExample({
        method: "post",
        path: "/api/v1/workspaces/{workspaceId}/imports/bulk-preview",
        auth: "token",
        body: { kind: "file", fileName: "articles.jsonl" },
      }),
    ).toContain("-F 'file=@articles.jsonl'");
  });
});
