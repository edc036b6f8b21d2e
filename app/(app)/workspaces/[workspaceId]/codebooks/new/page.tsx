import type { Metadata } from "next";
import Link from "next/link";

import { codebookPresetList } from "@/lib/codebooks/presets";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { requireMembership } from "@/lib/server/workspace/require-membership";

import { PresetPicker } from "./_components/preset-picker";

export const metadata: Metadata = { title: "New codebook from a preset" };

type NewCodebookPageProps = { params: Promise<{ workspaceId: string }> };

export default async function NewCodebookPage({ params }: NewCodebookPageProps) {
  const user = await requireSessionUser();
  const workspaceId = await orNotFound(
    params.then((value) => parseId(value.workspaceId, "This workspace")),
  );
  const membership = await orNotFound(
    requireMembership({ userId: user.id, workspaceId, permission: "editCodebook" }),
  );

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4">
      <p className="text-sm text-stone-600">
        <Link href={`/workspaces/${workspaceId}/codebooks`} className="underline">
          {membership.workspace.name}: codebooks
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">New codebook from a preset</h1>
      <p className="text-stone-700">
        Each preset is a published scheme from newsrooms or research, with its source and licence.
        The copy you create is yours to edit; it becomes the default only if you choose so.
      </p>
      <PresetPicker workspaceId={workspaceId} presets={codebookPresetList} />
    </div>
  );
}
