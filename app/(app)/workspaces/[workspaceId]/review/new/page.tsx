import type { Metadata } from "next";
import Link from "next/link";

import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { listAnalysableArticles } from "@/lib/server/submission/list-analysable-articles";

import { CreateSubmissionForm } from "./_components/create-submission-form";

export const metadata: Metadata = { title: "New submission" };

type NewSubmissionPageProps = {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function NewSubmissionPage({ params, searchParams }: NewSubmissionPageProps) {
  const user = await requireSessionUser();
  const workspaceId = await orNotFound(
    params.then((value) => parseId(value.workspaceId, "This workspace")),
  );
  const articles = await orNotFound(listAnalysableArticles({ userId: user.id, workspaceId }));
  const query = await searchParams;
  const article = typeof query.article === "string" ? query.article : undefined;

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <p className="text-sm text-stone-600">
        <Link href={`/workspaces/${workspaceId}/review`} className="underline">
          Back to review
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">New submission</h1>
      <p className="text-stone-700">
        Submit an article draft or an AI-generated analysis for review. It is saved as a draft
        first; you submit it from its page when it is ready.
      </p>
      <CreateSubmissionForm
        workspaceId={workspaceId}
        articles={articles}
        initialArticleId={articles.some((entry) => entry.id === article) ? article : undefined}
      />
    </div>
  );
}
