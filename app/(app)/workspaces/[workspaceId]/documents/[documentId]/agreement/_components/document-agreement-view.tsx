"use client";

import Link from "next/link";
import { useMemo } from "react";

import type { DocumentAgreementView as AgreementView } from "@/lib/insight/document-agreement";
import type { GoldAgreementView } from "@/lib/insight/gold-agreement";
import { describeUndefined } from "@/lib/insight/format-measure";
import { indexLabels, type InsightDimension, type InsightDocument } from "@/lib/insight/types";

import { AnnotatorSection } from "./annotator-section";
import { ConfusionSection } from "./confusion-section";
import { GoldSection } from "./gold-section";
import { HeatStrip } from "./heat-strip";
import { MatrixLinks } from "./matrix-links";
import { MeasuresSection } from "./measures-section";

type DocumentAgreementViewProps = {
  workspacePath: string;
  workspaceName: string;
  documentPath: string;
  document: InsightDocument;
  dimensions: InsightDimension[];
  view: AgreementView;
  gold: GoldAgreementView;
  elapsedMs: number;
};

export function DocumentAgreementView({
  workspacePath,
  workspaceName,
  documentPath,
  document,
  dimensions,
  view,
  gold,
  elapsedMs,
}: DocumentAgreementViewProps) {
  const labels = useMemo(() => indexLabels(dimensions), [dimensions]);
  const names = useMemo(
    () => new Map(view.annotators.map((annotator) => [annotator.id, annotator.name])),
    [view.annotators],
  );
  const shownDimensions = view.dimensions.map((entry) => entry.dimension);
  const hasManyVersions = view.codebooks.length > 1;
  const dimensionName = (dimension: Pick<InsightDimension, "name" | "codebookVersion">) =>
    hasManyVersions ? `${dimension.name} (v${dimension.codebookVersion})` : dimension.name;

  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <p className="text-sm text-stone-600">
          <Link href={workspacePath} className="underline">
            {workspaceName}
          </Link>{" "}
          /{" "}
          <Link href={documentPath} className="underline">
            {document.title}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Agreement: {document.title}</h1>
        <p className="max-w-3xl text-sm text-stone-700">
          {view.annotators.length} annotator{view.annotators.length === 1 ? "" : "s"}:{" "}
          {view.annotators.map((annotator) => annotator.name).join(", ") || "nobody yet"}. An
          annotator is a member who made at least one highlight on this document; people who read it
          and marked nothing are not counted, because Framewise has no “done” state yet. Orphaned
          and deleted highlights are left out. Computed in {elapsedMs} ms.
        </p>
        {view.annotators.length < 2 ? (
          <p role="status" className="rounded-md border border-amber-700 bg-amber-50 p-2 text-sm">
            {view.annotators.length === 0
              ? "Nobody has annotated this document yet"
              : "Only one person has annotated this document"}
            , so every agreement figure is {describeUndefined("too-few-annotators")}.
          </p>
        ) : null}
        {view.codebookNote ? (
          <p role="status" className="rounded-md border border-sky-800 bg-sky-50 p-2 text-sm">
            {view.codebookNote}
          </p>
        ) : null}
        <p className="text-sm">
          <Link href={`${documentPath}/profile`} className="text-sky-800 underline">
            Article profile
          </Link>
        </p>
      </header>

      <MeasuresSection
        dimensions={view.dimensions}
        labels={labels}
        dimensionName={dimensionName}
        fileStem={document.title}
      />
      <MatrixLinks documentId={document.id} dimensions={shownDimensions} />
      <HeatStrip
        document={document}
        view={view}
        labels={labels}
        names={names}
        dimensionName={dimensionName}
      />
      <AnnotatorSection
        document={document}
        view={view}
        labels={labels}
        names={names}
        dimensionName={dimensionName}
      />
      <GoldSection
        gold={gold}
        dimensions={shownDimensions}
        labels={labels}
        names={names}
        dimensionName={dimensionName}
        fileStem={document.title}
      />
      <ConfusionSection
        view={view}
        labels={labels}
        dimensionName={dimensionName}
        fileStem={document.title}
      />
    </div>
  );
}
