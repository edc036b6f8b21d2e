"use client";

import Link from "next/link";

import { DownloadCsvButton } from "@/components/insight/chart-figure";
import { GroupedBarFigure } from "@/components/insight/grouped-bar-figure";
import { ScrollArea } from "@/components/insight/scroll-area";
import type { CollectionComparison, OutletColumn } from "@/lib/insight/comparison";
import { describeTarget } from "@/lib/insight/stance-targets";
import { formatPercentTick, formatShare, formatValue } from "@/lib/insight/format-measure";
import { claimSimilarityThreshold } from "@/lib/insight/omitted-claims";
import { toFileName } from "@/lib/insight/to-csv";

type ComparisonViewProps = {
  comparison: CollectionComparison;
  workspacePath: string;
  fileStem: string;
};

const chartTitles: Record<string, string> = {
  stance: "Stance by label",
  sourcing: "Sourcing labels",
  accuracy: "Accuracy verdicts",
  framing: "Framing techniques",
  ai_involvement: "AI involvement",
};

// Whose highlights an outlet's counts rest on: its gold set counts as one reader.
function countReaders(outlet: OutletColumn): number {
  return outlet.profile.basis.kind === "gold" ? 1 : outlet.annotators;
}

// Label distributions lined up across outlets by dimension and label key, so outlets
// annotated with different codebook versions still line up where the keys agree.
function collectDistributions(outlets: readonly OutletColumn[]) {
  const dimensions = new Map<string, { name: string; labels: Map<string, string> }>();
  for (const outlet of outlets) {
    for (const distribution of outlet.profile.distributions) {
      const entry = dimensions.get(distribution.dimensionKey) ?? {
        name: distribution.dimensionName,
        labels: new Map<string, string>(),
      };
      for (const label of distribution.labels) {
        entry.labels.set(label.key, label.name);
      }
      dimensions.set(distribution.dimensionKey, entry);
    }
  }
  return [...dimensions.entries()].map(([key, { name, labels }]) => {
    const perOutlet = (labelKey: string) =>
      outlets.map((outlet) => {
        const distribution = outlet.profile.distributions.find(
          (candidate) => candidate.dimensionKey === key,
        );
        const highlights =
          distribution?.labels.find((label) => label.key === labelKey)?.highlights ?? 0;
        const readers = countReaders(outlet);
        return readers === 0 ? 0 : highlights / readers;
      });
    const used = [...labels.entries()].filter(([labelKey]) =>
      perOutlet(labelKey).some((value) => value > 0),
    );
    return {
      key,
      name,
      categories: used.map(([, labelName]) => labelName),
      values: used.map(([labelKey]) => perOutlet(labelKey)),
    };
  });
}

export function ComparisonView({ comparison, workspacePath, fileStem }: ComparisonViewProps) {
  const { outlets } = comparison;
  const series = outlets.map((outlet) => ({ key: `o${outlet.documentId}`, name: outlet.outlet }));
  const outletName = new Map(outlets.map((outlet) => [outlet.documentId, outlet.outlet]));
  const coverageNames = outlets[0]?.profile.coverage.map((entry) => entry.dimensionName) ?? [];
  const sourcingGroups = outlets[0]?.profile.sourcingMix?.map((entry) => entry.name) ?? [];
  const distributions = collectDistributions(outlets);

  return (
    <section aria-labelledby="comparison-heading" className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h2 id="comparison-heading" className="text-xl font-semibold">
          Outlets side by side
        </h2>
        <p className="max-w-3xl text-sm text-stone-700">
          Each outlet’s profile rests on its article’s agreed (gold) set when it has one, else pools
          every annotator’s highlights; the table says which. Label counts are per annotator (a gold
          set counts as one), so articles read by different numbers of people compare fairly. How
          each comparison is made: docs/agreement.md.
        </p>
      </div>

      <ScrollArea label="Profiles of the outlets">
        <table className="min-w-full border-collapse text-left text-sm" data-testid="outlet-table">
          <caption className="py-1 text-left font-medium">Profiles</caption>
          <thead>
            <tr className="border-b border-stone-400">
              <td />
              {outlets.map((outlet) => (
                <th key={outlet.documentId} scope="col" className="px-2 py-1 font-semibold">
                  {outlet.outlet}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="border-b border-stone-200">
              <th scope="row" className="px-2 py-1 font-medium">
                Article
              </th>
              {outlets.map((outlet) => (
                <td key={outlet.documentId} className="px-2 py-1">
                  <Link
                    href={`${workspacePath}/documents/${outlet.documentId}/profile`}
                    className="text-sky-800 underline"
                  >
                    {outlet.title}
                  </Link>
                  {outlet.publishedAt ? ` (${outlet.publishedAt})` : ""}
                </td>
              ))}
            </tr>
            <tr className="border-b border-stone-200">
              <th scope="row" className="px-2 py-1 font-medium">
                Annotators · highlights
              </th>
              {outlets.map((outlet) => (
                <td key={outlet.documentId} className="px-2 py-1 tabular-nums">
                  {outlet.annotators} · {outlet.profile.basis.highlights}
                </td>
              ))}
            </tr>
            <tr className="border-b border-stone-200">
              <th scope="row" className="px-2 py-1 font-medium">
                Profile rests on
              </th>
              {outlets.map((outlet) => (
                <td key={outlet.documentId} className="px-2 py-1">
                  {outlet.profile.basis.kind === "gold" ? "the gold set" : "all annotators"}
                </td>
              ))}
            </tr>
            {coverageNames.map((name, row) => (
              <tr key={name} className="border-b border-stone-200">
                <th scope="row" className="px-2 py-1 font-medium">
                  Text highlighted: {name}
                </th>
                {outlets.map((outlet) => (
                  <td key={outlet.documentId} className="px-2 py-1 tabular-nums">
                    {formatShare(outlet.profile.coverage[row]?.meanShare ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
            {sourcingGroups.map((group, row) => (
              <tr key={group} className="border-b border-stone-200">
                <th scope="row" className="px-2 py-1 font-medium">
                  Sourcing: {group}
                </th>
                {outlets.map((outlet) => {
                  const entry = outlet.profile.sourcingMix?.[row];
                  return (
                    <td key={outlet.documentId} className="px-2 py-1 tabular-nums">
                      {entry ? `${formatShare(entry.share)} (${entry.highlights})` : "—"}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>

      <div className="grid gap-6 2xl:grid-cols-2">
        <GroupedBarFigure
          title="Share of the text highlighted, per dimension"
          description="Mean over each article’s annotators of the share of characters they highlighted."
          fileName={toFileName("coverage-by-outlet", fileStem)}
          categories={coverageNames}
          series={series}
          values={coverageNames.map((_, row) =>
            outlets.map((outlet) => outlet.profile.coverage[row]?.meanShare ?? 0),
          )}
          format={formatShare}
          tickFormat={formatPercentTick}
          valueName="mean share"
        />
        {sourcingGroups.length > 0 ? (
          <GroupedBarFigure
            title="Sourcing mix: named, anonymous or none"
            description="Share of each article’s sourcing highlights."
            fileName={toFileName("sourcing-mix-by-outlet", fileStem)}
            categories={sourcingGroups}
            series={series}
            values={sourcingGroups.map((_, row) =>
              outlets.map((outlet) => outlet.profile.sourcingMix?.[row]?.share ?? 0),
            )}
            format={formatShare}
            tickFormat={formatPercentTick}
            valueName="share"
          />
        ) : null}
        {distributions
          .filter((distribution) => distribution.categories.length > 0)
          .map((distribution) => (
            <GroupedBarFigure
              key={distribution.key}
              title={chartTitles[distribution.key] ?? distribution.name}
              description="Highlights per annotator, by label; labels nobody used are left out."
              fileName={toFileName(distribution.name, "by-outlet", fileStem)}
              categories={distribution.categories}
              series={series}
              values={distribution.values}
              format={(value) => formatValue(value, 1)}
              valueName="highlights per annotator"
            />
          ))}
      </div>

      <StanceTargetsSection comparison={comparison} outletName={outletName} fileStem={fileStem} />
      <SourcesSection comparison={comparison} outletName={outletName} fileStem={fileStem} />
      <QuotesSection comparison={comparison} outletName={outletName} fileStem={fileStem} />
      <ClaimsSection comparison={comparison} outletName={outletName} fileStem={fileStem} />
      <LoadedLanguageSection comparison={comparison} fileStem={fileStem} />
    </section>
  );
}

type SectionProps = {
  comparison: CollectionComparison;
  outletName: ReadonlyMap<string, string>;
  fileStem: string;
};

function SourcesSection({ comparison, outletName, fileStem }: SectionProps) {
  return (
    <section aria-labelledby="sources-heading" className="flex flex-col gap-2">
      <h3 id="sources-heading" className="text-lg font-semibold">
        Who each outlet quotes
      </h3>
      <p className="max-w-3xl text-sm text-stone-700">
        From the passages annotators labelled with a sourcing label: names are the capitalised words
        in the passage (titles dropped), unnamed sources are listed under their label.
      </p>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="sources">
        {comparison.outlets.map((outlet) => (
          <div key={outlet.documentId} className="rounded-lg border border-stone-300 bg-white p-3">
            <h4 className="font-semibold">{outlet.outlet}</h4>
            {outlet.sources.length === 0 ? (
              <p className="text-sm text-stone-700">No sourcing highlights yet.</p>
            ) : (
              <ul className="flex flex-col gap-1 text-sm">
                {outlet.sources.map((source) => (
                  <li key={source.name}>
                    <span className="font-medium">{source.name}</span> ({source.groups.join(", ")};{" "}
                    {source.annotators} annotator{source.annotators === 1 ? "" : "s"})
                    {source.isNamed ? null : (
                      <span className="block text-stone-600">e.g. “{source.examples[0]}”</span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
      <p className="text-sm" data-testid="shared-sources">
        {comparison.sharedSources.length === 0
          ? "No named source is quoted by more than one outlet (among the highlighted ones)."
          : `Quoted by more than one outlet: ${comparison.sharedSources
              .map(
                (source) =>
                  `${source.name} (${source.documentIds.map((id) => outletName.get(id)).join(", ")})`,
              )
              .join("; ")}.`}
      </p>
      <div>
        <DownloadCsvButton
          label="Download sources (CSV)"
          fileName={toFileName("sources-by-outlet", fileStem)}
          data={{
            header: [
              "outlet",
              "source",
              "named",
              "sourcing",
              "highlights",
              "annotators",
              "example",
            ],
            rows: comparison.outlets.flatMap((outlet) =>
              outlet.sources.map((source) => [
                outlet.outlet,
                source.name,
                source.isNamed ? "yes" : "no",
                source.groups.join("; "),
                source.highlights,
                source.annotators,
                source.examples[0] ?? "",
              ]),
            ),
          }}
        />
      </div>
    </section>
  );
}

function QuotesSection({ comparison, outletName, fileStem }: SectionProps) {
  return (
    <section aria-labelledby="quotes-heading" className="flex flex-col gap-2">
      <h3 id="quotes-heading" className="text-lg font-semibold">
        Quotes in more than one article
      </h3>
      <p className="max-w-3xl text-sm text-stone-700">
        Words in «», “” or &quot;&quot; matched across the articles: the same words once case,
        accents and punctuation are set aside, one quoting a stretch of the other (three words or
        more), or four-plus-word quotes sharing at least 80% of their words.
      </p>
      {comparison.sharedQuotes.length === 0 ? (
        <p className="text-sm" data-testid="shared-quotes">
          No quotation appears in more than one of these articles.
        </p>
      ) : (
        <ul className="flex flex-col gap-2 text-sm" data-testid="shared-quotes">
          {comparison.sharedQuotes.map((group) => (
            <li key={group.text} className="rounded-lg border border-stone-300 bg-white p-3">
              <q className="font-serif">{group.text}</q>
              <span className="block text-stone-700">
                In: {group.documentIds.map((id) => outletName.get(id)).join(", ")}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div>
        <DownloadCsvButton
          label="Download shared quotes (CSV)"
          fileName={toFileName("shared-quotes", fileStem)}
          data={{
            header: ["quote", "outlet", "wording in this outlet", "start", "end"],
            rows: comparison.sharedQuotes.flatMap((group) =>
              group.quotes.map((quote) => [
                group.text,
                outletName.get(quote.documentId) ?? "",
                quote.text,
                quote.start,
                quote.end,
              ]),
            ),
          }}
        />
      </div>
    </section>
  );
}

function ClaimsSection({ comparison, outletName, fileStem }: SectionProps) {
  return (
    <section aria-labelledby="claims-heading" className="flex flex-col gap-2">
      <h3 id="claims-heading" className="text-lg font-semibold">
        Claims one outlet makes that others omit
      </h3>
      <p className="max-w-3xl text-sm text-stone-700">
        Sentences holding a passage with a factual-accuracy verdict (not “Opinion”) for which
        another article has no sentence sharing at least {formatShare(claimSimilarityThreshold)} of
        the content words (Jaccard over words other than “the”, “and”, …). A rough test: reworded
        claims can slip through, so the closest sentence is shown for you to judge.
      </p>
      {comparison.omittedClaims.length === 0 ? (
        <p className="text-sm" data-testid="omitted-claims">
          No accuracy-labelled claim is missing from the other articles.
        </p>
      ) : (
        <ul className="flex flex-col gap-2 text-sm" data-testid="omitted-claims">
          {comparison.omittedClaims.map((claim) => (
            <li
              key={`${claim.documentId}-${claim.sentence.start}`}
              className="rounded-lg border border-stone-300 bg-white p-3"
            >
              <p>
                <span className="font-semibold">{outletName.get(claim.documentId)}:</span>{" "}
                <q className="font-serif">{claim.sentence.text}</q>
              </p>
              <p className="text-stone-700">
                Verdicts:{" "}
                {claim.verdicts
                  .map(
                    (verdict) =>
                      `${verdict.name} (${verdict.annotators} annotator${verdict.annotators === 1 ? "" : "s"})`,
                  )
                  .join(", ")}
              </p>
              <ul className="list-disc pl-5 text-stone-700">
                {claim.others.map((other) => (
                  <li key={other.documentId}>
                    {other.isOmitted ? "Not in " : "Also in "}
                    {outletName.get(other.documentId)}: closest sentence shares{" "}
                    {formatShare(other.similarity)} of the words
                    {other.closest ? ` (“${other.closest}”)` : ""}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <div>
        <DownloadCsvButton
          label="Download omitted claims (CSV)"
          fileName={toFileName("omitted-claims", fileStem)}
          data={{
            header: [
              "outlet",
              "claim",
              "verdicts",
              "other outlet",
              "omitted",
              "similarity",
              "closest sentence",
            ],
            rows: comparison.omittedClaims.flatMap((claim) =>
              claim.others.map((other) => [
                outletName.get(claim.documentId) ?? "",
                claim.sentence.text,
                claim.verdicts.map((verdict) => verdict.name).join("; "),
                outletName.get(other.documentId) ?? "",
                other.isOmitted ? "yes" : "no",
                Number(other.similarity.toFixed(4)),
                other.closest,
              ]),
            ),
          }}
        />
      </div>
    </section>
  );
}

function LoadedLanguageSection({ comparison, fileStem }: Omit<SectionProps, "outletName">) {
  return (
    <section aria-labelledby="loaded-heading" className="flex flex-col gap-2">
      <h3 id="loaded-heading" className="text-lg font-semibold">
        Loaded language each outlet uses
      </h3>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="loaded-language">
        {comparison.outlets.map((outlet) => (
          <div key={outlet.documentId} className="rounded-lg border border-stone-300 bg-white p-3">
            <h4 className="font-semibold">{outlet.outlet}</h4>
            {outlet.loadedLanguage.length === 0 ? (
              <p className="text-sm text-stone-700">Nothing marked as loaded language.</p>
            ) : (
              <ul className="flex flex-col gap-1 text-sm">
                {outlet.loadedLanguage.map((phrase) => (
                  <li key={phrase.text}>
                    “{phrase.text}” — {phrase.annotators} annotator
                    {phrase.annotators === 1 ? "" : "s"}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
      <div>
        <DownloadCsvButton
          label="Download loaded language (CSV)"
          fileName={toFileName("loaded-language", fileStem)}
          data={{
            header: ["outlet", "phrase", "highlights", "annotators"],
            rows: comparison.outlets.flatMap((outlet) =>
              outlet.loadedLanguage.map((phrase) => [
                outlet.outlet,
                phrase.text,
                phrase.highlights,
                phrase.annotators,
              ]),
            ),
          }}
        />
      </div>
    </section>
  );
}

// Stance toward each target, outlet by outlet: a row per target, each outlet's label counts.
function StanceTargetsSection({ comparison, outletName, fileStem }: SectionProps) {
  if (comparison.stanceTargets.length === 0) {
    return null;
  }
  const outlets = comparison.outlets;
  const describeCell = (labels: readonly { name: string }[], counts: readonly number[]) =>
    counts
      .map((count, index) => (count > 0 ? `${labels[index]!.name} ${count}` : null))
      .filter(Boolean)
      .join(" · ") || "—";

  return (
    <section aria-labelledby="stance-targets-heading" className="flex flex-col gap-2">
      <h3 id="stance-targets-heading" className="text-lg font-semibold">
        Stance by target
      </h3>
      <p className="max-w-3xl text-sm text-stone-700">
        Targets are grouped across articles by name (spacing and case set aside; the most common
        spelling is shown). “No target given” counts stance highlights without a target.
      </p>
      {comparison.stanceTargets.map((stance) => (
        <div key={stance.dimensionId} className="flex flex-col gap-2">
          <ScrollArea label={`${stance.dimensionName} by target and outlet`}>
            <table
              className="min-w-full border-collapse text-left text-sm"
              data-testid={`stance-targets-${stance.dimensionId}`}
            >
              <caption className="py-1 text-left font-medium">
                {stance.dimensionName} by target: highlights per label
              </caption>
              <thead>
                <tr className="border-b border-stone-400">
                  <th scope="col" className="px-2 py-1 font-medium">
                    Target
                  </th>
                  {outlets.map((outlet) => (
                    <th key={outlet.documentId} scope="col" className="px-2 py-1 font-medium">
                      {outletName.get(outlet.documentId)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {stance.rows.map((row) => (
                  <tr key={row.key ?? "none"} className="border-b border-stone-200 align-top">
                    <th scope="row" className="px-2 py-1 font-medium">
                      {describeTarget(row)}
                    </th>
                    {row.perOutlet.map((cell) => (
                      <td key={cell.documentId} className="px-2 py-1">
                        {describeCell(stance.labels, cell.labels)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
          <div>
            <DownloadCsvButton
              label={`Download ${stance.dimensionName.toLowerCase()} by target (CSV)`}
              fileName={toFileName(stance.dimensionName, "by-target", fileStem)}
              data={{
                header: [
                  "target",
                  "outlet",
                  "highlights",
                  ...stance.labels.map((label) => label.name),
                ],
                rows: stance.rows.flatMap((row) =>
                  row.perOutlet.map((cell) => [
                    describeTarget(row),
                    outletName.get(cell.documentId) ?? "",
                    cell.highlights,
                    ...cell.labels,
                  ]),
                ),
              }}
            />
          </div>
        </div>
      ))}
    </section>
  );
}
