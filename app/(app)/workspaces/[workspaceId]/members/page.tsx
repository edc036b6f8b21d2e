import type { Metadata } from "next";
import Link from "next/link";

import { WorkspaceNav } from "@/components/layout/workspace-nav";
import { roleNames } from "@/lib/auth/roles";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { listMembers } from "@/lib/server/membership/list-members";

import { JoinCodePanel } from "./_components/join-code-panel";
import { MemberList } from "./_components/member-list";

export const metadata: Metadata = { title: "Members" };

type MembersPageProps = { params: Promise<{ workspaceId: string }> };

export default async function MembersPage({ params }: MembersPageProps) {
  const user = await requireSessionUser();
  const workspaceId = await orNotFound(
    params.then((value) => parseId(value.workspaceId, "This workspace")),
  );
  const data = await orNotFound(listMembers({ userId: user.id, workspaceId }));

  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm text-stone-600">
          <Link href="/workspaces" className="underline">
            Workspaces
          </Link>{" "}
          / You are {roleNames[data.role].toLowerCase()}
        </p>
        <h1 className="text-2xl font-semibold">{data.workspace.name}</h1>
      </div>
      <WorkspaceNav workspaceId={workspaceId} role={data.role} current="members" />
      {data.joinCode ? <JoinCodePanel workspaceId={workspaceId} joinCode={data.joinCode} /> : null}
      <MemberList
        workspaceId={workspaceId}
        members={data.members}
        isInstructor={data.isInstructor}
        isOwner={data.role === "OWNER"}
      />
    </div>
  );
}
