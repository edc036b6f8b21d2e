"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { discardCodebookDraftAction } from "@/lib/actions/discard-codebook-draft";
import { publishCodebookAction } from "@/lib/actions/publish-codebook";
import { setDefaultCodebookAction } from "@/lib/actions/set-default-codebook";
import type { CodebookStatus } from "@/lib/db/generated/enums";
import type { FieldErrors } from "@/lib/errors/app-error";
import type { PublishPlan } from "@/lib/server/codebook/get-codebook-publish-plan";

type CodebookActionsProps = {
  workspaceId: string;
  codebook: {
    id: string;
    name: string;
    version: number;
    status: CodebookStatus;
    isDefault: boolean;
    updatedAt: string;
  };
  canEdit: boolean;
  isLatest: boolean;
  hasPublished: boolean;
  publishPlan: PublishPlan | null;
  draftDimensions: { key: string; name: string; labels: { id: string; name: string }[] }[];
};

const linkButton =
  "inline-flex items-center rounded-md border border-stone-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100";

export function CodebookActions({
  workspaceId,
  codebook,
  canEdit,
  isLatest,
  hasPublished,
  publishPlan,
  draftDimensions,
}: CodebookActionsProps) {
  const base = `/workspaces/${workspaceId}/codebooks`;
  const isDraft = codebook.status === "DRAFT";

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        {canEdit && isLatest ? (
          <Link href={`${base}/${codebook.id}/edit`} className={linkButton}>
            {isDraft ? "Edit draft" : `Edit (saves as version ${codebook.version + 1})`}
          </Link>
        ) : null}
        {canEdit && isLatest && codebook.status === "PUBLISHED" ? (
          <Link href={`${base}/${codebook.id}/change-labels`} className={linkButton}>
            Rename, merge, split or delete labels
          </Link>
        ) : null}
        <a href={`${base}/${codebook.id}/export`} download className={linkButton}>
          Export JSON
        </a>
        {canEdit && !codebook.isDefault && hasPublished ? (
          <MakeDefaultForm codebookId={codebook.id} />
        ) : null}
      </div>
      {canEdit && isDraft && publishPlan ? (
        <PublishPanel
          base={base}
          codebook={codebook}
          plan={publishPlan}
          draftDimensions={draftDimensions}
        />
      ) : null}
    </div>
  );
}

function MakeDefaultForm({ codebookId }: { codebookId: string }) {
  const [state, formAction, isPending] = useActionState(setDefaultCodebookAction, null);
  const failed = state && !state.ok ? state : null;

  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="codebookId" value={codebookId} />
      <Button type="submit" variant="secondary" disabled={isPending}>
        Make default
      </Button>
      <FormMessage message={failed?.message} />
    </form>
  );
}

type PublishPanelProps = {
  base: string;
  codebook: CodebookActionsProps["codebook"];
  plan: PublishPlan;
  draftDimensions: CodebookActionsProps["draftDimensions"];
};

function PublishPanel({ base, codebook, plan, draftDimensions }: PublishPanelProps) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [moves, setMoves] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [isConfirmingDiscard, setIsConfirmingDiscard] = useState(false);

  function publish() {
    setMessage(null);
    startTransition(async () => {
      const result = await publishCodebookAction({
        codebookId: codebook.id,
        expectedUpdatedAt: codebook.updatedAt,
        moves: Object.fromEntries(Object.entries(moves).filter(([, to]) => to !== "")),
      });
      if (!result.ok) {
        setMessage(result.message);
        setFieldErrors(result.fieldErrors);
        return;
      }
      router.push(`${base}/${codebook.id}?done=published&moved=${result.data.movedAnnotations}`);
    });
  }

  function discard() {
    setMessage(null);
    startTransition(async () => {
      const result = await discardCodebookDraftAction({
        codebookId: codebook.id,
        expectedUpdatedAt: codebook.updatedAt,
      });
      if (!result.ok) {
        setMessage(result.message);
        return;
      }
      router.push(result.data.nextId ? `${base}/${result.data.nextId}?done=discarded` : base);
    });
  }

  return (
    <section
      aria-labelledby="publish-heading"
      className="flex max-w-3xl flex-col gap-3 rounded-lg border border-amber-700 bg-amber-50 p-4"
    >
      <h2 id="publish-heading" className="font-semibold">
        Publish version {codebook.version}
      </h2>
      <p className="text-sm">
        {plan.publishedVersion === null
          ? "Publishing makes this version the one people can tag with."
          : `Publishing replaces version ${plan.publishedVersion}: it is archived, and every highlight moves to the label with the same key in version ${codebook.version}.`}
      </p>
      {plan.unplaced.length > 0 ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-semibold">
            These labels are on highlights but not in version {codebook.version}. Choose where their
            highlights go:
          </legend>
          {plan.unplaced.map((label) => {
            const id = `move-${label.labelId}`;
            const errors = fieldErrors[`moves.${label.labelId}`];
            return (
              <div key={label.labelId} className="flex flex-col gap-1">
                <label htmlFor={id} className="text-sm">
                  {label.count} highlight{label.count === 1 ? "" : "s"} with “{label.name}” (
                  {label.dimensionName}) go to
                </label>
                <select
                  id={id}
                  value={moves[label.labelId] ?? ""}
                  onChange={(event) =>
                    setMoves((current) => ({ ...current, [label.labelId]: event.target.value }))
                  }
                  aria-invalid={errors ? true : undefined}
                  aria-describedby={`${id}-error`}
                  className="rounded-md border border-stone-400 bg-white px-2 py-1 text-sm"
                >
                  <option value="">Choose a label…</option>
                  {draftDimensions.map((dimension) => (
                    <optgroup key={dimension.key} label={dimension.name}>
                      {dimension.labels.map((option) => (
                        <option key={option.id} value={option.id}>
                          {option.name}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
                <div id={`${id}-error`} aria-live="polite" className="text-sm text-red-800">
                  {errors?.map((error) => (
                    <p key={error}>{error}</p>
                  ))}
                </div>
              </div>
            );
          })}
        </fieldset>
      ) : null}
      <FormMessage message={message} />
      <div className="flex flex-wrap gap-2">
        <Button onClick={publish} disabled={isPending}>
          {isPending ? "Working…" : `Publish version ${codebook.version}`}
        </Button>
        {isConfirmingDiscard ? (
          <>
            <Button variant="danger" onClick={discard} disabled={isPending}>
              Discard version {codebook.version} for good
            </Button>
            <Button variant="ghost" onClick={() => setIsConfirmingDiscard(false)}>
              Keep it
            </Button>
          </>
        ) : (
          <Button variant="secondary" onClick={() => setIsConfirmingDiscard(true)}>
            Discard draft
          </Button>
        )}
      </div>
    </section>
  );
}
