import type { Metadata } from "next";
import Link from "next/link";

import { requireSessionUser } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/server/api-token/list-api-tokens";
import { listWorkspacesForUser } from "@/lib/server/workspace/list-workspaces";

import { CreateTokenForm } from "./_components/create-token-form";
import { TokenList } from "./_components/token-list";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const user = await requireSessionUser();
  const [memberships, tokens] = await Promise.all([
    listWorkspacesForUser(user.id),
    listApiTokens({ userId: user.id }),
  ]);

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">API tokens</h1>
        <p className="max-w-3xl text-stone-700">
          A personal API token lets a script or another program use the Framewise API as you, in one
          workspace. It can do what your role there allows, and no more: a read-only token can only
          read. Send it as <code>Authorization: Bearer fw_…</code>.{" "}
          <Link href="/api-docs" className="text-sky-800 underline">
            Read the API documentation
          </Link>
          .
        </p>
      </div>
      <section
        aria-labelledby="create-token-heading"
        className="flex flex-col gap-3 rounded-lg border border-stone-300 bg-white p-4"
      >
        <h2 id="create-token-heading" className="text-lg font-semibold">
          Create a token
        </h2>
        {memberships.length === 0 ? (
          <p className="text-stone-700">
            A token belongs to a workspace.{" "}
            <Link href="/workspaces" className="text-sky-800 underline">
              Create or join a workspace
            </Link>{" "}
            first.
          </p>
        ) : (
          <CreateTokenForm
            workspaces={memberships.map(({ workspace, role }) => ({
              id: workspace.id,
              name: workspace.name,
              role,
            }))}
          />
        )}
      </section>
      <section aria-labelledby="tokens-heading" className="flex flex-col gap-3">
        <h2 id="tokens-heading" className="text-lg font-semibold">
          Your tokens
        </h2>
        <TokenList tokens={tokens} />
      </section>
    </div>
  );
}
