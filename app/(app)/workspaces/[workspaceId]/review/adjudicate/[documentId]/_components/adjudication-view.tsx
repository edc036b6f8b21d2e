"use client";

import { useRouter } from "next/navigation";
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from "react";

import { ReaderText, type TextSelection } from "@/components/annotator/reader-text";
import { Button } from "@/components/ui/button";
import {
  acceptAgreedAnnotationsAction,
  addGoldAnnotationAction,
  decideAnnotationReviewAction,
  editGoldAnnotationAction,
} from "@/lib/actions/review-annotations";
import { createOffsetIndex } from "@/lib/anchoring/text-position";
import { trimSpan } from "@/lib/anchoring/trim-span";
import { buildSegments } from "@/lib/annotator/highlight-segments";
import {
  buildAdjudication,
  groupsToAcceptAll,
  type AdjudicationAnnotation,
  type SpanCluster,
} from "@/lib/review/adjudication";
import type { CodebookView } from "@/lib/server/codebook/get-default-codebook";
import type { AdjudicationRow } from "@/lib/server/review/load-adjudication-annotations";

import { GoldSpanEditor, type GoldSpanValues } from "./gold-span-editor";

type AdjudicationViewProps = {
  document: { id: string; title: string; text: string; version: number };
  annotations: AdjudicationRow[];
  codebook: CodebookView;
};

type Label = { name: string; dimensionName: string; color: string };

const stateNames = {
  PENDING: "not reviewed",
  ACCEPTED: "accepted",
  REJECTED: "rejected",
  EDITED: "edited for gold",
} as const;

const stateStyles = {
  PENDING: "border-stone-300 bg-white",
  ACCEPTED: "border-emerald-700 bg-emerald-50",
  REJECTED: "border-stone-300 bg-stone-100 text-stone-600",
  EDITED: "border-sky-700 bg-sky-50",
} as const;

// Context shown either side of a passage, in UTF-16 units.
const contextLength = 40;

function clip(value: string, max = 50) {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

// Every annotator's highlights aligned on the text, one lane per person, differences
// emphasised; the lead accepts, rejects or edits each proposal, or adds their own, and
// the gold set builds up on the right. Keyboard: j/k or the arrow keys move between
// proposals, a accepts, r rejects, e edits, Shift+A accepts every exact agreement.
export function AdjudicationView({ document: doc, annotations, codebook }: AdjudicationViewProps) {
  const router = useRouter();
  const offsets = useMemo(() => createOffsetIndex(doc.text), [doc.text]);
  const model = useMemo(() => buildAdjudication(annotations), [annotations]);
  const agreed = useMemo(() => groupsToAcceptAll(model), [model]);
  const rows = useMemo(() => new Map(annotations.map((row) => [row.id, row])), [annotations]);
  const labels = useMemo(() => {
    const map = new Map<string, Label>();
    for (const dimension of codebook.dimensions) {
      for (const label of dimension.labels) {
        map.set(label.id, { name: label.name, dimensionName: dimension.name, color: label.color });
      }
    }
    return map;
  }, [codebook]);

  // Keyboard order: passages in reading order, lanes in order, proposals in each lane.
  const ordered = useMemo(
    () =>
      model.clusters.flatMap((cluster) =>
        model.lanes.flatMap((lane) =>
          cluster.groups.flatMap((group) =>
            group.proposals.filter((proposal) => proposal.authorId === lane.authorId),
          ),
        ),
      ),
    [model],
  );

  const [focusId, setFocusId] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; error: string | null } | null>(null);
  const [adding, setAdding] = useState<{
    start16: number;
    end16: number;
    error: string | null;
  } | null>(null);
  const [status, setStatus] = useState("");
  const [isBusy, setIsBusy] = useState(false);
  const itemRefs = useRef(new Map<string, HTMLLIElement>());
  const goldRef = useRef<HTMLDivElement>(null);
  const selection = useRef<TextSelection | null>(null);
  const activeId = focusId && rows.has(focusId) ? focusId : (ordered[0]?.id ?? null);

  const focusProposal = useCallback((id: string | undefined) => {
    if (!id) {
      return;
    }
    setFocusId(id);
    itemRefs.current.get(id)?.focus();
  }, []);

  function describeLabels(ids: readonly string[]) {
    return ids.length === 0
      ? "no labels"
      : ids.map((id) => labels.get(id)?.name ?? "unknown label").join(", ");
  }

  async function run<T>(
    work: () => Promise<{ ok: true; data: T } | { ok: false; message: string }>,
    onDone: (data: T) => string,
  ) {
    setIsBusy(true);
    const result = await work();
    setIsBusy(false);
    if (!result.ok) {
      setStatus(`Not saved: ${result.message}`);
      router.refresh();
      return false;
    }
    setStatus(onDone(result.data));
    router.refresh();
    return true;
  }

  function decide(proposal: AdjudicationAnnotation, decision: "accept" | "reject") {
    void run(
      () =>
        decideAnnotationReviewAction({
          annotationId: proposal.id,
          revision: proposal.revision,
          decision,
          reason: "",
        }),
      () =>
        `${decision === "accept" ? "Accepted" : "Rejected"} ${proposal.authorName}'s “${clip(proposal.exact)}”${decision === "accept" ? " into the gold set" : ""}.`,
    );
  }

  function acceptAll() {
    if (agreed.length === 0) {
      setStatus("No span has exact agreement waiting for a decision.");
      return;
    }
    void run(
      () => acceptAgreedAnnotationsAction({ documentId: doc.id }),
      (data) =>
        `Accepted ${data.spans} span${data.spans === 1 ? "" : "s"} where everyone agreed exactly (${data.annotations} highlights).`,
    );
  }

  async function saveEdit(proposal: AdjudicationAnnotation, values: GoldSpanValues) {
    const saved = await run(
      () =>
        editGoldAnnotationAction({
          annotationId: proposal.id,
          revision: proposal.revision,
          start: offsets.toCodePoint(values.start16),
          end: offsets.toCodePoint(values.end16, "ceil"),
          exact: doc.text.slice(values.start16, values.end16),
          labelIds: values.labelIds,
          reason: values.reason,
        }),
      () => `Saved your edit of “${clip(proposal.exact)}” to the gold set.`,
    );
    if (saved) {
      setEditing(null);
      requestAnimationFrame(() => focusProposal(proposal.id));
    } else {
      setEditing({ id: proposal.id, error: "Not saved; see the message above." });
    }
  }

  async function saveAddition(values: GoldSpanValues) {
    const saved = await run(
      () =>
        addGoldAnnotationAction({
          documentId: doc.id,
          documentVersion: doc.version,
          start: offsets.toCodePoint(values.start16),
          end: offsets.toCodePoint(values.end16, "ceil"),
          exact: doc.text.slice(values.start16, values.end16),
          labelIds: values.labelIds,
          reason: values.reason,
        }),
      () => `Added “${clip(doc.text.slice(values.start16, values.end16))}” to the gold set.`,
    );
    if (saved) {
      setAdding(null);
      window.getSelection()?.removeAllRanges();
      goldRef.current?.focus({ preventScroll: true });
    }
  }

  function startAdding() {
    const current = selection.current;
    if (!current) {
      setStatus("Select a passage in the gold text first (drag, or Shift and the arrow keys).");
      return;
    }
    const trimmed = trimSpan(
      doc.text,
      offsets.toCodePoint(current.start),
      offsets.toCodePoint(current.end, "ceil"),
    );
    if (!trimmed) {
      setStatus("That selection is only spaces. Select some words.");
      return;
    }
    setAdding({
      start16: offsets.toUtf16(trimmed.start),
      end16: offsets.toUtf16(trimmed.end),
      error: null,
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    if (
      target.closest("input, textarea, select, [role=dialog], [role=document]") ||
      event.ctrlKey ||
      event.metaKey ||
      event.altKey
    ) {
      return;
    }
    if (event.key === "A" && event.shiftKey) {
      event.preventDefault();
      acceptAll();
      return;
    }
    const item = target.closest<HTMLElement>("[data-proposal-id]");
    const proposal = item ? rows.get(item.dataset.proposalId ?? "") : undefined;
    if (!proposal) {
      return;
    }
    const index = ordered.findIndex((entry) => entry.id === proposal.id);
    const handlers: Record<string, () => void> = {
      j: () => focusProposal(ordered[index + 1]?.id),
      ArrowDown: () => focusProposal(ordered[index + 1]?.id),
      k: () => focusProposal(ordered[index - 1]?.id),
      ArrowUp: () => focusProposal(ordered[index - 1]?.id),
      a: () => (isBusy ? undefined : decide(proposal, "accept")),
      r: () => (isBusy ? undefined : decide(proposal, "reject")),
      e: () => setEditing({ id: proposal.id, error: null }),
    };
    const handler = handlers[event.key];
    if (handler && (target === item || event.key.length > 1 || target.tagName !== "BUTTON")) {
      event.preventDefault();
      handler();
    }
  }

  const goldSegments = useMemo(
    () =>
      buildSegments(
        doc.text.length,
        model.gold.map((gold) => ({
          id: gold.id,
          start: offsets.toUtf16(gold.start),
          end: offsets.toUtf16(gold.end),
        })),
      ),
    [doc.text.length, model.gold, offsets],
  );
  const goldById = useMemo(() => new Map(model.gold.map((gold) => [gold.id, gold])), [model.gold]);
  const describeGold = useCallback(
    (ids: string[]) => {
      const names = ids
        .flatMap((id) => goldById.get(id)?.labelIds ?? [])
        .map((id) => labels.get(id));
      const colors = [...new Set(names.map((label) => label?.color).filter(Boolean))] as string[];
      return {
        underlines: colors.length > 0 ? colors : ["#6b7280"],
        label: `Gold: ${[...new Set(names.map((label) => label?.name).filter(Boolean))].join(", ") || "no labels"}`,
        pending: false,
        suggested: false,
        onlySuggested: false,
      };
    },
    [goldById, labels],
  );
  const onSelect = useCallback((value: TextSelection | null) => {
    selection.current = value;
  }, []);

  function renderLaneText(cluster: SpanCluster, authorId: string) {
    const from = offsets.toUtf16(cluster.start);
    const to = offsets.toUtf16(cluster.end);
    const before = Math.max(0, from - contextLength);
    const after = Math.min(doc.text.length, to + contextLength);
    const spans = cluster.groups
      .flatMap((group) => group.proposals)
      .filter((proposal) => proposal.authorId === authorId)
      .map((proposal) => ({
        id: proposal.id,
        start: offsets.toUtf16(proposal.start),
        end: offsets.toUtf16(proposal.end),
      }));
    const segments = buildSegments(
      after - before,
      spans.map((span) => ({ ...span, start: span.start - before, end: span.end - before })),
    );
    const excerpt = doc.text.slice(before, after);
    return (
      <p className="font-serif leading-7 whitespace-pre-wrap">
        {before > 0 ? "…" : ""}
        {segments.map((segment) => {
          const chunk = excerpt.slice(segment.start, segment.end);
          const isContext = segment.start + before < from || segment.end + before > to;
          if (segment.ids.length === 0) {
            return (
              <span key={segment.start} className={isContext ? "text-stone-500" : undefined}>
                {chunk}
              </span>
            );
          }
          return (
            <mark
              key={segment.start}
              className="rounded-sm bg-amber-200/80 text-inherit shadow-[inset_0_-3px_0_#b45309]"
            >
              {chunk}
            </mark>
          );
        })}
        {after < doc.text.length ? "…" : ""}
      </p>
    );
  }

  return (
    <div className="flex flex-col gap-4" onKeyDown={onKeyDown}>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          onClick={acceptAll}
          disabled={isBusy || agreed.length === 0}
          aria-keyshortcuts="Shift+A"
        >
          Accept all exact agreements ({agreed.length})
        </Button>
        <details className="text-sm">
          <summary className="cursor-pointer text-sky-800">Keyboard shortcuts</summary>
          <ul className="mt-1 list-disc pl-5">
            <li>
              <kbd>j</kbd> or <kbd>↓</kbd>: next proposal; <kbd>k</kbd> or <kbd>↑</kbd>: previous
            </li>
            <li>
              <kbd>a</kbd>: accept into the gold set; <kbd>r</kbd>: reject; <kbd>e</kbd>: edit span
              or labels
            </li>
            <li>
              <kbd>Shift</kbd>+<kbd>A</kbd>: accept every span all annotators agree on exactly
            </li>
            <li>
              In the gold text: select with Shift and the arrow keys, then Enter to add your own.
            </li>
          </ul>
        </details>
      </div>
      <p
        role="status"
        aria-live="polite"
        className="min-h-5 text-sm text-stone-800"
        data-testid="adjudication-status"
      >
        {status}
      </p>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <section aria-labelledby="proposals-heading" className="flex min-w-0 flex-col gap-4">
          <h2 id="proposals-heading" className="text-lg font-semibold">
            Proposals by passage ({model.groups.length} spans, {model.lanes.length} annotators:{" "}
            {model.lanes.map((lane) => lane.name).join(", ")})
          </h2>
          {model.clusters.length === 0 ? (
            <p className="text-stone-700">No highlights to adjudicate on this document.</p>
          ) : null}
          <ol className="flex flex-col gap-4" aria-label="Passages with proposals">
            {model.clusters.map((cluster, clusterIndex) => {
              const isAgreed = cluster.groups.length === 1 && cluster.groups[0]?.isExactAgreement;
              return (
                <li
                  key={`${cluster.start}-${cluster.end}`}
                  className={`flex flex-col gap-2 rounded-lg border-2 p-3 ${isAgreed ? "border-emerald-700" : "border-amber-600"}`}
                  data-testid="adjudication-passage"
                >
                  <h3 className="text-sm font-semibold">
                    Passage {clusterIndex + 1}:{" "}
                    {isAgreed ? (
                      <span className="text-emerald-800">everyone agrees exactly</span>
                    ) : (
                      <span className="text-amber-800">annotators differ</span>
                    )}
                  </h3>
                  <table className="w-full border-collapse text-sm">
                    <caption className="sr-only">
                      One lane per annotator for passage {clusterIndex + 1}
                    </caption>
                    <tbody>
                      {model.lanes.map((lane) => {
                        const laneProposals = cluster.groups.flatMap((group) =>
                          group.proposals
                            .filter((proposal) => proposal.authorId === lane.authorId)
                            .map((proposal) => ({ proposal, group })),
                        );
                        return (
                          <tr
                            key={lane.authorId}
                            className="border-t border-stone-200 align-top"
                            data-testid="lane"
                          >
                            <th scope="row" className="w-32 py-2 pr-2 text-left font-medium">
                              {lane.name}
                            </th>
                            <td className="py-2">
                              {renderLaneText(cluster, lane.authorId)}
                              {laneProposals.length === 0 ? (
                                <p className="mt-1 rounded border border-dashed border-amber-700 bg-amber-50 px-2 py-1 text-amber-900">
                                  No highlight from {lane.name} here.
                                </p>
                              ) : (
                                <ul className="mt-1 flex flex-col gap-1">
                                  {laneProposals.map(({ proposal, group }) => {
                                    const row = rows.get(proposal.id);
                                    const isActive = proposal.id === activeId;
                                    return (
                                      <li
                                        key={proposal.id}
                                        ref={(node) => {
                                          if (node) {
                                            itemRefs.current.set(proposal.id, node);
                                          } else {
                                            itemRefs.current.delete(proposal.id);
                                          }
                                        }}
                                        tabIndex={isActive ? 0 : -1}
                                        data-proposal-id={proposal.id}
                                        data-review-state={proposal.reviewState}
                                        onFocus={() => setFocusId(proposal.id)}
                                        aria-label={`${lane.name}: “${clip(proposal.exact, 80)}”, ${describeLabels(proposal.labelIds)}, ${stateNames[proposal.reviewState]}${proposal.isGold ? ", in the gold set" : ""}${group.isExactAgreement ? ", everyone agrees" : ""}`}
                                        className={`flex flex-col gap-1 rounded-md border p-2 ${stateStyles[proposal.reviewState]} ${isActive ? "ring-2 ring-sky-800" : ""}`}
                                        data-testid="proposal"
                                      >
                                        <p className="font-serif">
                                          <span
                                            className={
                                              proposal.reviewState === "REJECTED"
                                                ? "line-through"
                                                : undefined
                                            }
                                          >
                                            “{clip(proposal.exact, 120)}”
                                          </span>
                                        </p>
                                        <ul className="flex flex-wrap gap-1" aria-label="Labels">
                                          {proposal.labelIds.length === 0 ? (
                                            <li className="text-xs text-stone-600">No labels</li>
                                          ) : null}
                                          {proposal.labelIds.map((labelId) => {
                                            const label = labels.get(labelId);
                                            const differs = !group.sharedLabelIds.includes(labelId);
                                            return (
                                              <li
                                                key={labelId}
                                                className={`flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs ${differs ? "border-2 border-amber-700 font-semibold" : "border-stone-300"}`}
                                              >
                                                <span
                                                  aria-hidden="true"
                                                  className="inline-block size-2 rounded-full"
                                                  style={{ backgroundColor: label?.color }}
                                                />
                                                {label?.dimensionName}:{" "}
                                                {label?.name ?? "Unknown label"}
                                                {differs ? (
                                                  <span className="sr-only">
                                                    {" "}
                                                    (not everyone chose this)
                                                  </span>
                                                ) : null}
                                              </li>
                                            );
                                          })}
                                        </ul>
                                        <p className="text-xs text-stone-700">
                                          {stateNames[proposal.reviewState]}
                                          {proposal.isGold ? " · gold" : ""}
                                          {row?.reviewReason ? ` · ${row.reviewReason}` : ""}
                                          {row?.reviewedByName ? ` (${row.reviewedByName})` : ""}
                                        </p>
                                        {editing?.id === proposal.id ? (
                                          <GoldSpanEditor
                                            heading={`Edit ${lane.name}'s highlight for the gold set`}
                                            text={doc.text}
                                            codebook={codebook}
                                            initial={{
                                              start16: offsets.toUtf16(proposal.start),
                                              end16: offsets.toUtf16(proposal.end),
                                              labelIds: proposal.labelIds,
                                            }}
                                            error={editing.error}
                                            isSaving={isBusy}
                                            saveLabel="Save to gold set"
                                            onSave={(values) => void saveEdit(proposal, values)}
                                            onCancel={() => {
                                              setEditing(null);
                                              requestAnimationFrame(() =>
                                                focusProposal(proposal.id),
                                              );
                                            }}
                                          />
                                        ) : (
                                          <div className="flex flex-wrap gap-2">
                                            <Button
                                              variant="secondary"
                                              disabled={isBusy}
                                              tabIndex={isActive ? 0 : -1}
                                              aria-keyshortcuts="a"
                                              onClick={() => decide(proposal, "accept")}
                                            >
                                              Accept
                                            </Button>
                                            <Button
                                              variant="secondary"
                                              disabled={isBusy}
                                              tabIndex={isActive ? 0 : -1}
                                              aria-keyshortcuts="r"
                                              onClick={() => decide(proposal, "reject")}
                                            >
                                              Reject
                                            </Button>
                                            <Button
                                              variant="secondary"
                                              disabled={isBusy}
                                              tabIndex={isActive ? 0 : -1}
                                              aria-keyshortcuts="e"
                                              onClick={() =>
                                                setEditing({ id: proposal.id, error: null })
                                              }
                                            >
                                              Edit
                                            </Button>
                                          </div>
                                        )}
                                      </li>
                                    );
                                  })}
                                </ul>
                              )}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </li>
              );
            })}
          </ol>
        </section>

        <aside
          aria-labelledby="gold-heading"
          className="flex flex-col gap-3 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto"
        >
          <h2 id="gold-heading" className="text-lg font-semibold">
            Gold set <span className="font-normal text-stone-600">({model.gold.length})</span>
          </h2>
          <ol
            className="flex flex-col gap-1 text-sm"
            aria-label="Gold highlights in reading order"
            data-testid="gold-set"
          >
            {model.gold.length === 0 ? (
              <li className="text-stone-700">Nothing accepted yet.</li>
            ) : null}
            {model.gold.map((gold) => (
              <li
                key={gold.id}
                className="rounded-md border border-emerald-700 bg-emerald-50 p-2"
                data-testid="gold-item"
              >
                <p className="font-serif">“{clip(gold.exact, 100)}”</p>
                <p className="text-xs text-stone-700">
                  {describeLabels(gold.labelIds)} ·{" "}
                  {gold.isAdjudication ? `by ${gold.authorName} (lead)` : `from ${gold.authorName}`}
                  {gold.reviewState === "EDITED" ? " · edited" : ""}
                </p>
              </li>
            ))}
          </ol>
          <h3 className="text-sm font-semibold">Add your own</h3>
          <p id="gold-help" className="text-xs text-stone-700">
            Select a passage below (drag, or focus the text and hold Shift with the arrow keys),
            then press Enter or “Add selection to gold set”.
          </p>
          <div>
            <Button
              variant="secondary"
              onPointerDown={(event) => event.preventDefault()}
              onClick={startAdding}
            >
              Add selection to gold set
            </Button>
          </div>
          {adding ? (
            <GoldSpanEditor
              heading="Add a gold highlight"
              text={doc.text}
              codebook={codebook}
              initial={{ start16: adding.start16, end16: adding.end16, labelIds: [] }}
              error={adding.error}
              isSaving={isBusy}
              saveLabel="Add to gold set"
              onSave={(values) => void saveAddition(values)}
              onCancel={() => {
                setAdding(null);
                goldRef.current?.focus({ preventScroll: true });
              }}
            />
          ) : null}
          <div
            className="rounded-md border border-stone-300 bg-white p-3 text-base"
            data-testid="gold-text"
          >
            <ReaderText
              text={doc.text}
              segments={goldSegments}
              describe={describeGold}
              activeIds={new Set()}
              rootRef={goldRef}
              helpId="gold-help"
              onSelect={onSelect}
              onAnnotateShortcut={startAdding}
              onHighlightClick={() => undefined}
            />
          </div>
        </aside>
      </div>
    </div>
  );
}
