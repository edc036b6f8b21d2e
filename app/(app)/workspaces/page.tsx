import type { Metadata } from "next";
import Link from "next/link";

import { roleNames } from "@/lib/auth/roles";
import { requireSessionUser } from "@/lib/auth/session";
import { listWorkspacesForUser } from "@/lib/server/workspace/list-workspaces";

import { CreateWorkspaceForm } from "./_components/create-workspace-form";

export const metadata: Metadata = { title: "Workspaces" };

const kindNames = { CLASS: "Class", NEWSROOM: "Newsroom", RESEARCH: "Research project" } as const;

export default async function WorkspacesPage() {
  const user = await requireSessionUser();
  const memberships = await listWorkspacesForUser(user.id);

  return (
    <div className="grid gap-8 md:grid-cols-[2fr_1fr]">
      <section aria-labelledby="workspaces-heading" className="flex flex-col gap-3">
        <h1 id="workspaces-heading" className="text-2xl font-semibold">
          Your workspaces
        </h1>
        {memberships.length === 0 ? (
          <p className="text-stone-700">
            You are not in any workspace yet. Create one to add articles and start highlighting.
          </p>
        ) : (
          <ul className="flex flex-col gap-2">
            {memberships.map(({ workspace, role }) => (
              <li key={workspace.id}>
                <Link
                  href={`/workspaces/${workspace.id}`}
                  className="flex flex-col rounded-lg border border-stone-300 bg-white p-4 hover:border-sky-800"
                >
                  <span className="font-medium">{workspace.name}</span>
                  <span className="text-sm text-stone-600">
                    {kindNames[workspace.kind]} · {roleNames[role]} · {workspace._count.documents}{" "}
                    documents · {workspace._count.members} members
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section
        aria-labelledby="create-workspace-heading"
        className="flex flex-col gap-3 rounded-lg border border-stone-300 bg-white p-4"
      >
        <h2 id="create-workspace-heading" className="text-lg font-semibold">
          Create a workspace
        </h2>
        <CreateWorkspaceForm />
      </section>
    </div>
  );
}
