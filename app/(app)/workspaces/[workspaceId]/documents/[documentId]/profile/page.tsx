import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { can } from "@/lib/auth/roles";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { getDocumentProfile } from "@/lib/server/agreement/get-document-profile";

import { ProfileView } from "./_components/profile-view";

export const metadata: Metadata = { title: "Article profile" };

type ProfilePageProps = { params: Promise<{ workspaceId: string; documentId: string }> };

export default async function ProfilePage({ params }: ProfilePageProps) {
  const user = await requireSessionUser();
  const raw = await params;
  const [workspaceId, documentId] = await orNotFound(
    Promise.resolve().then(
      () =>
        [
          parseId(raw.workspaceId, "This workspace"),
          parseId(raw.documentId, "This document"),
        ] as const,
    ),
  );
  const result = await orNotFound(getDocumentProfile({ userId: user.id, documentId }));

  if (result.document.workspaceId !== workspaceId) {
    notFound();
  }

  return (
    <ProfileView
      workspacePath={`/workspaces/${workspaceId}`}
      documentPath={`/workspaces/${workspaceId}/documents/${documentId}`}
      document={result.document}
      profile={result.profile}
      canSeeAgreement={can(result.role, "viewAgreement")}
    />
  );
}
