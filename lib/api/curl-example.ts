// A copy-paste curl command for one operation of the OpenAPI document, with the token
// and server in shell variables ($FRAMEWISE_TOKEN, $FRAMEWISE_URL) and path parameters
// as $WORKSPACE_ID-style variables. Session-only routes take the browser's cookie.

type CurlOperation = {
  method: string;
  path: string;
  auth: "token" | "session" | "none";
  body?: { kind: "json"; example: unknown } | { kind: "file"; fileName: string };
  query?: string;
};

function toVariable(name: string): string {
  return `$${name.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase()}`;
}

function shellSingleQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

export function buildCurlExample({ method, path, auth, body, query }: CurlOperation): string {
  const url = `"$FRAMEWISE_URL${path.replace(/\{(\w+)\}/g, (_match, name: string) => toVariable(name))}${query ?? ""}"`;
  const parts = ["curl"];

  if (method.toUpperCase() !== "GET") {
    parts.push(`-X ${method.toUpperCase()}`);
  }
  if (auth === "token") {
    parts.push('-H "Authorization: Bearer $FRAMEWISE_TOKEN"');
  }
  if (auth === "session") {
    parts.push('--cookie "next-auth.session-token=$FRAMEWISE_SESSION"');
  }
  if (body?.kind === "json") {
    parts.push('-H "Content-Type: application/json"');
    parts.push(`-d ${shellSingleQuote(JSON.stringify(body.example))}`);
  }
  if (body?.kind === "file") {
    parts.push(`-F ${shellSingleQuote(`file=@${body.fileName}`)}`);
  }
  parts.push(url);

  return parts.join(" \\\n  ");
}
