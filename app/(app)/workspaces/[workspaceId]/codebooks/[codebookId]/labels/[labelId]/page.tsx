import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { CodebookStatusBadge, ColorSwatch } from "@/components/codebook/codebook-status";
import { parseId } from "@/lib/http/route-params";
import { orNotFound } from "@/lib/http/or-not-found";

import { loadCodebookPage } from "../../_lib/load-codebook-page";

export const metadata: Metadata = { title: "Label guidelines" };

type LabelPageProps = {
  params: Promise<{ workspaceId: string; codebookId: string; labelId: string }>;
};

// One label's guidelines: what annotators reach from the tag popover with "?".
export default async function LabelPage({ params }: LabelPageProps) {
  const { workspaceId, codebook, usage } = await loadCodebookPage(params);
  const labelId = await orNotFound(params.then((value) => parseId(value.labelId, "This label")));

  const dimension = codebook.dimensions.find((candidate) =>
    candidate.labels.some((label) => label.id === labelId),
  );
  const label = dimension?.labels.find((candidate) => candidate.id === labelId);
  if (!dimension || !label) {
    notFound();
  }

  const base = `/workspaces/${workspaceId}/codebooks/${codebook.id}`;
  const parent = label.parentKey
    ? dimension.labels.find((candidate) => candidate.key === label.parentKey)
    : undefined;
  const children = dimension.labels.filter((candidate) => candidate.parentKey === label.key);
  const used = usage.get(label.id) ?? { total: 0, deleted: 0 };

  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-5">
      <p className="text-sm text-stone-600">
        <Link href={base} className="underline">
          {codebook.name}
        </Link>{" "}
        / {dimension.name}
      </p>
      <header className="flex flex-col gap-2">
        <h1 className="flex items-center gap-3 text-3xl font-semibold">
          <ColorSwatch color={label.color} className="size-5" />
          {label.name}
        </h1>
        <div className="flex flex-wrap items-center gap-2 text-sm text-stone-700">
          <CodebookStatusBadge status={codebook.status} version={codebook.version} />
          <span>
            {dimension.name}: {dimension.multiple ? "any that apply" : "one per highlight"}
          </span>
        </div>
      </header>

      <section aria-labelledby="definition-heading" className="flex flex-col gap-1">
        <h2 id="definition-heading" className="text-lg font-semibold">
          Definition
        </h2>
        <p className="whitespace-pre-line" data-testid="label-definition">
          {label.description || "No definition yet."}
        </p>
      </section>

      <section aria-labelledby="examples-heading" className="flex flex-col gap-1">
        <h2 id="examples-heading" className="text-lg font-semibold">
          Examples
        </h2>
        {label.examples.length > 0 ? (
          <ul className="flex flex-col gap-2">
            {label.examples.map((example) => (
              <li key={example}>
                <blockquote className="border-l-4 border-emerald-700 pl-3 font-serif">
                  {example}
                </blockquote>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-stone-700">No examples yet.</p>
        )}
      </section>

      <section aria-labelledby="counter-examples-heading" className="flex flex-col gap-1">
        <h2 id="counter-examples-heading" className="text-lg font-semibold">
          Not this label
        </h2>
        {label.counterExamples.length > 0 ? (
          <ul className="flex flex-col gap-2">
            {label.counterExamples.map((example) => (
              <li key={example}>
                <blockquote className="border-l-4 border-red-700 pl-3 font-serif">
                  {example}
                </blockquote>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-stone-700">No counter-examples yet.</p>
        )}
      </section>

      <section aria-labelledby="details-heading" className="flex flex-col gap-1">
        <h2 id="details-heading" className="text-lg font-semibold">
          Details
        </h2>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">Keyboard shortcut</dt>
          <dd>
            {label.shortcut ? <kbd className="rounded border px-1">{label.shortcut}</kbd> : "None"}
          </dd>
          <dt className="font-medium">Key (in exports)</dt>
          <dd>
            <code>{label.key}</code>
          </dd>
          {parent ? (
            <>
              <dt className="font-medium">Part of</dt>
              <dd>
                <Link href={`${base}/labels/${parent.id}`} className="text-sky-800 underline">
                  {parent.name}
                </Link>
              </dd>
            </>
          ) : null}
          {children.length > 0 ? (
            <>
              <dt className="font-medium">Includes</dt>
              <dd className="flex flex-wrap gap-x-2">
                {children.map((child) => (
                  <Link
                    key={child.id}
                    href={`${base}/labels/${child.id}`}
                    className="text-sky-800 underline"
                  >
                    {child.name}
                  </Link>
                ))}
              </dd>
            </>
          ) : null}
          {label.rating !== null ? (
            <>
              <dt className="font-medium">Rating on the scale</dt>
              <dd>{label.rating}</dd>
            </>
          ) : null}
          <dt className="font-medium">Highlights with it</dt>
          <dd>
            {used.total}
            {used.deleted > 0 ? ` (${used.deleted} deleted)` : ""}
          </dd>
        </dl>
      </section>
    </article>
  );
}
