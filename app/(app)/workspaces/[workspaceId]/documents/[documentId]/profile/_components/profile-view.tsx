"use client";

import Link from "next/link";

import { BarFigure } from "@/components/insight/bar-figure";
import { StanceTargetFigure } from "@/components/insight/stance-target-figure";
import { formatPercentTick, formatShare } from "@/lib/insight/format-measure";
import type { ArticleProfile } from "@/lib/insight/profile";
import { toFileName } from "@/lib/insight/to-csv";

type ProfileViewProps = {
  workspacePath: string;
  documentPath: string;
  document: {
    title: string;
    workspaceName: string;
    outlet: string | null;
    publishedAt: string | null;
  };
  profile: ArticleProfile;
  canSeeAgreement: boolean;
};

// What each dimension's chart is called, by the newsroom-review keys; others keep their name.
const chartTitles: Record<string, string> = {
  stance: "Stance, by label",
  accuracy: "Accuracy verdicts",
  framing: "Framing techniques",
  ai_involvement: "AI involvement",
  sourcing: "Sourcing, by label",
};

export function ProfileView({
  workspacePath,
  documentPath,
  document,
  profile,
  canSeeAgreement,
}: ProfileViewProps) {
  const stem = document.title;
  const isGold = profile.basis.kind === "gold";
  const byline = [document.outlet, document.publishedAt].filter(Boolean).join(" · ");

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-sm text-stone-600">
          <Link href={workspacePath} className="underline">
            {document.workspaceName}
          </Link>{" "}
          /{" "}
          <Link href={documentPath} className="underline">
            {document.title}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Profile: {document.title}</h1>
        {byline ? <p className="text-sm text-stone-700">{byline}</p> : null}
        <p
          role="note"
          className="max-w-3xl rounded-md border border-sky-800 bg-sky-50 p-2 text-sm"
          data-testid="profile-basis"
        >
          {profile.basis.note} Shares of text are in characters; label shares count a highlight with
          two labels for both.
        </p>
        {canSeeAgreement ? (
          <p className="text-sm">
            <Link href={`${documentPath}/agreement`} className="text-sky-800 underline">
              How far the annotators agree
            </Link>
          </p>
        ) : null}
      </header>

      {profile.basis.highlights === 0 ? (
        <p className="text-stone-700">
          Nobody has highlighted anything in this document yet, so every share below is 0.
        </p>
      ) : null}

      <div className="grid gap-6 xl:grid-cols-2">
        <BarFigure
          title="Share of the text highlighted, per dimension"
          description={
            profile.basis.kind === "gold"
              ? "Share of characters the gold set highlights in each dimension."
              : "Mean over annotators of the share of characters each highlighted; the table also gives the share anyone highlighted."
          }
          fileName={toFileName("coverage", stem)}
          valueName="mean share"
          tickFormat={formatPercentTick}
          data={profile.coverage.map((entry) => ({
            name: entry.dimensionName,
            value: Number(entry.meanShare.toFixed(4)),
            label: `${formatShare(entry.meanShare)} (anyone: ${formatShare(entry.unionShare)})`,
          }))}
          table={{
            header: ["dimension", "mean share per annotator", "share anyone highlighted"],
            rows: profile.coverage.map((entry) => [
              entry.dimensionName,
              Number(entry.meanShare.toFixed(4)),
              Number(entry.unionShare.toFixed(4)),
            ]),
          }}
        />
        {profile.sourcingMix ? (
          <BarFigure
            title="Sourcing mix: named, anonymous or none"
            description="Named: a person, organisation, document or other outlet. Anonymous or vague: unnamed sources and “critics say”. Share of the sourcing highlights."
            fileName={toFileName("sourcing-mix", stem)}
            valueName="share"
            domain={[0, 1]}
            tickFormat={formatPercentTick}
            data={profile.sourcingMix.map((entry) => ({
              name: entry.name,
              value: Number(entry.share.toFixed(4)),
              label: `${formatShare(entry.share)} (${entry.highlights})`,
            }))}
            table={{
              header: ["group", "highlights", "share"],
              rows: profile.sourcingMix.map((entry) => [
                entry.name,
                entry.highlights,
                Number(entry.share.toFixed(4)),
              ]),
            }}
          />
        ) : null}
        {profile.stanceByTarget.map((stance) => (
          <StanceTargetFigure
            key={`target-${stance.dimensionId}`}
            stance={stance}
            fileName={toFileName(stance.dimensionName, "by-target", stem)}
          />
        ))}
        {profile.distributions.map((distribution) => (
          <BarFigure
            key={distribution.dimensionId}
            title={chartTitles[distribution.dimensionKey] ?? distribution.dimensionName}
            description={
              distribution.dimensionKey === "stance"
                ? `${distribution.highlights} highlight${distribution.highlights === 1 ? "" : "s"}, by label; stance toward each target is in its own chart.`
                : `${distribution.highlights} highlight${distribution.highlights === 1 ? "" : "s"} in ${distribution.dimensionName}.`
            }
            fileName={toFileName(distribution.dimensionName, stem)}
            valueName="highlights"
            isCount
            data={distribution.labels.map((label) => ({
              name: label.name,
              value: label.highlights,
              label: `${label.highlights} (${formatShare(label.share)})`,
            }))}
            table={{
              // The gold set is one agreed reading: "annotators per label" means nothing there.
              header: ["label", "highlights", "share", ...(isGold ? [] : ["annotators"])],
              rows: distribution.labels.map((label) => [
                label.name,
                label.highlights,
                Number(label.share.toFixed(4)),
                ...(isGold ? [] : [label.annotators]),
              ]),
            }}
          />
        ))}
      </div>
    </div>
  );
}
