import type { ApiTokenListItem } from "@/lib/server/api-token/list-api-tokens";

import { TokenTable, type TokenRow } from "./token-table";

type TokenListProps = { tokens: ApiTokenListItem[] };

// Dates are formatted here, on the server, in UTC: the same text the API's error
// messages use, and no hydration differences between server and browser time zones.
const dateFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

function formatDate(date: Date | null, empty: string): string {
  return date ? `${dateFormat.format(date)} UTC` : empty;
}

export function TokenList({ tokens }: TokenListProps) {
  if (tokens.length === 0) {
    return <p className="text-stone-700">You have no API tokens yet.</p>;
  }

  const rows: TokenRow[] = tokens.map((token) => ({
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    workspaceName: token.workspace.name,
    scope: token.scope === "READ" ? "Read only" : "Read and write",
    created: formatDate(token.createdAt, ""),
    lastUsed: formatDate(token.lastUsedAt, "Never"),
    expires: formatDate(token.expiresAt, "Never"),
    status: token.revokedAt
      ? `Revoked ${formatDate(token.revokedAt, "")}`
      : token.isExpired
        ? "Expired"
        : "Active",
    isActive: token.isActive,
  }));

  return <TokenTable rows={rows} />;
}
