"use client";

import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";

import { AnnotationConflict, type AnnotationEdit } from "@/components/review/annotation-conflict";
import { useLiveEvents, useLiveMessages } from "@/components/live/use-live-events";
import { Button } from "@/components/ui/button";
import { textOffsetsToRange } from "@/lib/anchoring/dom-text-offsets";
import { nextWordEdge, snapToWords } from "@/lib/anchoring/snap-to-words";
import { createOffsetIndex } from "@/lib/anchoring/text-position";
import { trimSpan } from "@/lib/anchoring/trim-span";
import {
  countByLabel,
  filterAnnotations,
  isFilterActive,
  noFilter,
  type AnnotationFilter,
} from "@/lib/annotator/filter-annotations";
import { carrySpan } from "@/lib/annotator/carry-span";
import { listLinkCandidates, listTargetSuggestions } from "@/lib/annotator/field-context";
import { buildSegments } from "@/lib/annotator/highlight-segments";
import { matchSuggestions, type ReaderSuggestion } from "@/lib/annotator/match-suggestions";
import { expandReaderPayload, type ReaderPayload } from "@/lib/annotator/reader-payload";
import type { AnnotationView } from "@/lib/server/annotation/annotation-view";

import { AnnotationFilters } from "./annotation-filters";
import { AnnotationList } from "./annotation-list";
import { AnnotationValuesProvider } from "./annotation-values";
import { AnnotationPopover, type PopoverValues } from "./annotation-popover";
import { OrphanList } from "./orphan-list";
import { measureHandleBoxes, SpanHandles, type HandleBox } from "./span-handles";
import { SuggestionList } from "./suggestion-list";
import { ReaderText, type ReaderControl, type TextSelection } from "./reader-text";
import type {
  AnnotatorCodebook,
  AnnotatorLabel,
  ReaderAnnotation,
  ReaderAnnotationInput,
} from "./types";
import { createRequestId } from "@/lib/client/request-id";
import { requestJson } from "@/lib/client/request-json";
import { useStoredFlag } from "./use-stored-flag";

type AnnotatorProps = {
  document: { id: string; text: string; version: number };
  codebook: AnnotatorCodebook;
  // Packed on the server (lib/annotator/reader-payload.ts), expanded once here.
  initialAnnotations: ReaderPayload;
  currentUser: { id: string; name: string };
  canAnnotate: boolean;
  // "below" puts the side panel under the text, for two readers side by side.
  layout?: "beside" | "below";
};

type Draft =
  | {
      mode: "create";
      start: number;
      end: number;
      quote: string;
      values: PopoverValues;
      error: string | null;
      // Set when the person is editing a suggestion before saving it.
      suggestion?: ReaderSuggestion;
      // Keeps the popover (and what was typed in it) mounted while the passage moves.
      draftId?: string;
      // Someone edited the text while the popover was open (see applyTextChange).
      notice?: string;
      // The edit removed the selected passage: the next selection takes its place.
      isLost?: boolean;
    }
  | {
      mode: "edit";
      annotation: ReaderAnnotation;
      values: PopoverValues;
      error: string | null;
      // The passage as adjusted in the popover (UTF-16), saved with the labels.
      span: { start16: number; end16: number };
      notice?: string;
    };

const emptyValues: PopoverValues = { labelIds: [], comment: "", confidence: null, values: [] };

function isSuggestionId(id: string): boolean {
  return id.startsWith("suggestion:");
}

export function Annotator({
  document: initialDocument,
  codebook,
  initialAnnotations,
  currentUser,
  canAnnotate,
  layout = "beside",
}: AnnotatorProps) {
  // Unique per reader, so two readers on one page keep their own labels and descriptions.
  const idBase = useId();
  // The text can change under the reader: an editor's edit arrives live (applyTextChange).
  const [doc, setDoc] = useState(initialDocument);
  const offsets = useMemo(() => createOffsetIndex(doc.text), [doc.text]);
  const toReader = useCallback(
    (annotation: ReaderAnnotationInput): ReaderAnnotation => ({
      ...annotation,
      start16: offsets.toUtf16(annotation.start),
      end16: offsets.toUtf16(annotation.end),
    }),
    [offsets],
  );

  const [annotations, setAnnotations] = useState<ReaderAnnotation[]>(() =>
    expandReaderPayload(initialAnnotations, {
      documentId: initialDocument.id,
      text: initialDocument.text,
    }).map(toReader),
  );
  // Classes (issue 5): others' highlights, edits and deletions arrive live (no-op outside
  // the document page's LiveProvider).
  useLiveEvents({ documentId: doc.id, currentUserId: currentUser.id, setAnnotations, toReader });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [popoverPosition, setPopoverPosition] = useState({ top: 0, left: 0 });
  const [isSaving, setIsSaving] = useState(false);
  const [activeIds, setActiveIds] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState("");
  const [undoable, setUndoable] = useState<ReaderAnnotation | null>(null);
  const [filter, setFilter] = useState<AnnotationFilter>(noFilter);
  // Highlights under the passage last clicked (or entered by keyboard), listed first.
  const [hereIds, setHereIds] = useState<string[] | null>(null);
  const [snap, setSnap] = useStoredFlag("framewise:snap-to-words", true);
  const [handleBoxes, setHandleBoxes] = useState<Record<"start" | "end", HandleBox> | null>(null);
  // null until the person asks for suggestions.
  const [suggestions, setSuggestions] = useState<ReaderSuggestion[] | null>(null);
  const [activeSuggestionId, setActiveSuggestionId] = useState<string | null>(null);
  // An orphan waiting for its new passage: the next selection re-attaches it.
  const [reattaching, setReattaching] = useState<ReaderAnnotation | null>(null);
  // A save refused because someone saved the same highlight first: both versions.
  const [conflict, setConflict] = useState<{
    base: ReaderAnnotation;
    mine: AnnotationEdit;
    theirs: AnnotationView;
  } | null>(null);
  // Shown above the text after someone else edited it.
  const [textNotice, setTextNotice] = useState<string | null>(null);
  const selection = useRef<TextSelection | null>(null);
  const docRef = useRef(doc);
  const draftRef = useRef(draft);
  useEffect(() => {
    docRef.current = doc;
    draftRef.current = draft;
  });
  const readerRef = useRef<HTMLDivElement>(null);
  const readerControl = useRef<ReaderControl>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);

  const labelsById = useMemo(() => {
    const map = new Map<string, AnnotatorLabel>();
    for (const dimension of codebook.dimensions) {
      for (const label of dimension.labels) {
        map.set(label.id, { ...label, dimensionName: dimension.name, dimensionId: dimension.id });
      }
    }
    return map;
  }, [codebook]);

  const orphans = useMemo(
    () => annotations.filter((annotation) => annotation.anchorStatus === "ORPHANED"),
    [annotations],
  );

  const sorted = useMemo(
    () =>
      annotations
        .filter((annotation) => annotation.anchorStatus !== "ORPHANED")
        .sort(
          (a, b) => a.start - b.start || b.end - a.end || a.createdAt.localeCompare(b.createdAt),
        ),
    [annotations],
  );

  const segments = useMemo(
    () =>
      buildSegments(doc.text.length, [
        ...sorted.map((annotation) => ({
          id: annotation.id,
          start: annotation.start16,
          end: annotation.end16,
        })),
        ...(suggestions ?? []).map((suggestion) => ({
          id: suggestion.id,
          start: offsets.toUtf16(suggestion.start),
          end: offsets.toUtf16(suggestion.end),
        })),
      ]),
    [doc.text.length, sorted, suggestions, offsets],
  );

  const byId = useMemo(
    () => new Map(annotations.map((annotation) => [annotation.id, annotation])),
    [annotations],
  );

  const dimensionNames = useMemo(
    () => new Map(codebook.dimensions.map((dimension) => [dimension.key, dimension.name])),
    [codebook],
  );
  const quotes = useMemo(
    () => new Map(annotations.map((annotation) => [annotation.id, annotation.exact])),
    [annotations],
  );

  const dimensionOfLabel = useMemo(
    () => new Map([...labelsById.values()].map((label) => [label.id, label.dimensionId])),
    [labelsById],
  );

  const dimensionOrder = useMemo(
    () => new Map(codebook.dimensions.map((dimension, index) => [dimension.id, index])),
    [codebook],
  );

  const describe = useCallback(
    (allIds: string[]) => {
      const ids = allIds.filter((id) => !isSuggestionId(id));
      const suggested = allIds.length - ids.length;
      const labels = ids.flatMap(
        (id) =>
          byId
            .get(id)
            ?.labelIds.map((labelId) => labelsById.get(labelId))
            .filter((label) => label !== undefined) ?? [],
      );
      const colorByDimension = new Map<string, string>();
      for (const label of labels) {
        colorByDimension.set(label.dimensionId, label.color);
      }
      const underlines = [...colorByDimension.entries()]
        .sort(([a], [b]) => (dimensionOrder.get(a) ?? 0) - (dimensionOrder.get(b) ?? 0))
        .map(([, color]) => color);
      const names = [...new Set(labels.map((label) => label.name))];
      const described = ids.length
        ? `${ids.length} highlight${ids.length === 1 ? "" : "s"}${names.length ? `: ${names.join(", ")}` : ""}`
        : "";
      return {
        underlines: ids.length === 0 ? [] : underlines.length > 0 ? underlines : ["#6b7280"],
        label: [described, suggested ? `${suggested} suggestion${suggested === 1 ? "" : "s"}` : ""]
          .filter(Boolean)
          .join("; "),
        pending: ids.some((id) => byId.get(id)?.isPending),
        suggested: suggested > 0,
        onlySuggested: ids.length === 0,
      };
    },
    [byId, labelsById, dimensionOrder],
  );

  const counts = useMemo(() => countByLabel(sorted), [sorted]);

  const authors = useMemo(() => {
    const seen = new Map<string, string>();
    for (const annotation of sorted) {
      seen.set(annotation.author.id, annotation.author.name);
    }
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [sorted]);

  const visible = useMemo(
    () => filterAnnotations(sorted, filter, dimensionOfLabel),
    [sorted, filter, dimensionOfLabel],
  );

  const here = useMemo(
    () => (hereIds ? hereIds.map((id) => byId.get(id)).filter((item) => item !== undefined) : []),
    [hereIds, byId],
  );

  const onSelect = useCallback((value: TextSelection | null) => {
    selection.current = value;
  }, []);

  function positionBelow(start16: number, end16: number) {
    const root = readerRef.current;
    const wrapper = wrapperRef.current;
    if (!root || !wrapper) {
      return;
    }
    const rects = textOffsetsToRange(root, start16, end16).getClientRects();
    const last = rects[rects.length - 1];
    const box = wrapper.getBoundingClientRect();
    const left = last ? Math.max(0, Math.min(last.left - box.left, box.width - 300)) : 0;
    setPopoverPosition({ top: last ? last.bottom - box.top + 8 : 0, left });
  }

  function openForSelection() {
    if (!canAnnotate) {
      setStatus("Your role in this workspace lets you read highlights but not add them.");
      return;
    }

    const current = selection.current;
    if (!current) {
      setStatus("Select a passage first: drag over the text, or use Shift and the arrow keys.");
      return;
    }

    const span = snap ? snapToWords(doc.text, current.start, current.end) : current;
    const trimmed = trimSpan(
      doc.text,
      offsets.toCodePoint(span.start),
      offsets.toCodePoint(span.end, "ceil"),
    );
    if (!trimmed) {
      setStatus("That selection is only spaces. Select some words to tag.");
      return;
    }

    const start16 = offsets.toUtf16(trimmed.start);
    const end16 = offsets.toUtf16(trimmed.end);

    if (reattaching) {
      void reattach(reattaching, trimmed.start, trimmed.end, doc.text.slice(start16, end16));
      return;
    }

    positionBelow(start16, end16);
    // A dialog whose passage vanished in someone's edit takes the new selection, and keeps
    // (being the same mounted dialog) what the person typed in it.
    const lost = draft?.mode === "create" && draft.isLost ? draft : null;
    if (lost) {
      setDraft({
        ...lost,
        start: trimmed.start,
        end: trimmed.end,
        quote: doc.text.slice(start16, end16),
        isLost: false,
        error: null,
        notice: "New passage chosen; your labels and comment are kept. Save when ready.",
      });
      return;
    }
    setDraft({
      mode: "create",
      start: trimmed.start,
      end: trimmed.end,
      quote: doc.text.slice(start16, end16),
      values: emptyValues,
      error: null,
      draftId: `draft-${Date.now()}`,
    });
  }

  // The selected passage vanished in someone's edit: the person selects it again in the
  // new text (the popover stays open), and saving uses that selection with their choices.
  function placeLostDraft(lost: Extract<Draft, { mode: "create" }>, values: PopoverValues) {
    const current = selection.current;
    const trimmed = current
      ? trimSpan(
          doc.text,
          offsets.toCodePoint(current.start),
          offsets.toCodePoint(current.end, "ceil"),
        )
      : null;
    if (!trimmed) {
      setDraft({
        ...lost,
        values,
        error: "Select the passage in the new text first, then save.",
      });
      return;
    }
    const placed = {
      ...lost,
      start: trimmed.start,
      end: trimmed.end,
      quote: doc.text.slice(offsets.toUtf16(trimmed.start), offsets.toUtf16(trimmed.end)),
      isLost: false,
      notice: undefined,
      error: null,
    };
    void create(placed, values);
  }

  // Someone saved a new text of this document: take it and the highlights as re-anchored
  // on the server (fetched through the API, so the class rules apply to them), and carry
  // an open popover across: its passage follows its words, and what was typed is kept.
  async function applyTextChange(version: number) {
    if (version <= docRef.current.version) {
      return;
    }
    const [documentResult, annotationsResult] = await Promise.all([
      requestJson<{ document: { text: string; version: number } }>(
        `/api/v1/documents/${doc.id}`,
        "GET",
      ),
      requestJson<{ annotations: AnnotationView[] }>(
        `/api/v1/documents/${doc.id}/annotations`,
        "GET",
      ),
    ]);
    if (!documentResult.ok || !annotationsResult.ok) {
      setTextNotice("Someone edited the text of this document. Reload the page to see it.");
      return;
    }
    const next = documentResult.data.document;
    const before = docRef.current;
    if (next.version <= before.version) {
      return;
    }

    const oldOffsets = createOffsetIndex(before.text);
    const nextOffsets = createOffsetIndex(next.text);
    const toNext = (annotation: AnnotationView): ReaderAnnotation => ({
      ...annotation,
      start16: nextOffsets.toUtf16(annotation.start),
      end16: nextOffsets.toUtf16(annotation.end),
    });
    const fresh = annotationsResult.data.annotations.map(toNext);
    const freshById = new Map(fresh.map((annotation) => [annotation.id, annotation]));

    setDoc({ id: before.id, text: next.text, version: next.version });
    setAnnotations((current) => [...fresh, ...current.filter((item) => item.isPending)]);
    setSuggestions(null);
    setActiveSuggestionId(null);
    setHereIds(null);
    setActiveIds(new Set());
    selection.current = null;
    setReattaching((current) => {
      const now = current ? freshById.get(current.id) : undefined;
      return now && now.anchorStatus === "ORPHANED" ? now : null;
    });
    const orphanCount = fresh.filter((annotation) => annotation.anchorStatus === "ORPHANED").length;
    setTextNotice(
      `The text was edited (now version ${next.version}). Highlights moved with their words` +
        (orphanCount > 0
          ? `; ${orphanCount} could not be placed and ${orphanCount === 1 ? "is" : "are"} listed as orphans.`
          : "."),
    );

    const open = draftRef.current;
    if (!open) {
      return;
    }
    if (open.mode === "create") {
      const carried = open.isLost ? null : carrySpan(before.text, next.text, open);
      if (carried) {
        const start16 = nextOffsets.toUtf16(carried.start);
        const end16 = nextOffsets.toUtf16(carried.end);
        setDraft({
          ...open,
          start: carried.start,
          end: carried.end,
          quote: carried.exact,
          notice:
            "Someone edited the text while you were tagging. Your passage moved with its words; your labels and comment are kept.",
        });
        requestAnimationFrame(() => positionBelow(start16, end16));
      } else {
        setDraft({
          ...open,
          isLost: true,
          notice:
            "Someone edited the text and the passage you selected is no longer in it. Your labels and comment are kept: select the passage again in the text, then save.",
        });
      }
      return;
    }

    const now = freshById.get(open.annotation.id);
    if (!now) {
      setDraft({
        ...open,
        notice: "Someone edited the text and this highlight is no longer available.",
      });
      return;
    }
    const wasMoved =
      open.span.start16 !== open.annotation.start16 || open.span.end16 !== open.annotation.end16;
    const movedSpan =
      wasMoved && now.anchorStatus !== "ORPHANED"
        ? carrySpan(before.text, next.text, {
            start: oldOffsets.toCodePoint(open.span.start16),
            end: oldOffsets.toCodePoint(open.span.end16),
          })
        : null;
    const span = movedSpan
      ? { start16: nextOffsets.toUtf16(movedSpan.start), end16: nextOffsets.toUtf16(movedSpan.end) }
      : { start16: now.start16, end16: now.end16 };
    setDraft({
      ...open,
      annotation: now,
      span,
      notice:
        now.anchorStatus === "ORPHANED"
          ? "Someone edited the text and this highlight's passage is gone. Saving keeps your labels and comment; re-attach it from the orphans list."
          : "Someone edited the text while you were editing. The highlight moved with its words; your changes are kept.",
    });
    if (now.anchorStatus === "ORPHANED") {
      setHandleBoxes(null);
    } else {
      requestAnimationFrame(() => {
        positionBelow(span.start16, span.end16);
        placeHandles(span.start16, span.end16);
      });
    }
  }

  useLiveMessages(doc.id, (message) => {
    if (message.kind === "document.changed") {
      void applyTextChange(message.version);
    }
  });

  function closePopover() {
    setDraft(null);
    readerRef.current?.focus({ preventScroll: true });
  }

  async function save(values: PopoverValues) {
    if (!draft) {
      return;
    }

    if (draft.mode === "create" && draft.isLost) {
      placeLostDraft(draft, values);
      return;
    }

    if (draft.mode === "create") {
      await create(draft, values);
      return;
    }

    const { start16, end16 } = draft.span;
    const isMoved = start16 !== draft.annotation.start16 || end16 !== draft.annotation.end16;
    const span = isMoved
      ? {
          start: offsets.toCodePoint(start16),
          end: offsets.toCodePoint(end16),
          exact: doc.text.slice(start16, end16),
          documentVersion: doc.version,
        }
      : null;
    setIsSaving(true);
    const result = await requestJson<{ annotation: AnnotationView }>(
      `/api/v1/annotations/${draft.annotation.id}`,
      "PATCH",
      { revision: draft.annotation.revision, ...values, ...(span ? { span } : {}) },
    );
    setIsSaving(false);

    if (!result.ok) {
      const theirs = (result.details?.conflict as { theirs?: AnnotationView } | undefined)?.theirs;
      if (result.status === 409 && theirs) {
        setDraft(null);
        setConflict({ base: draft.annotation, mine: { ...values, span }, theirs });
        return;
      }
      setDraft({ ...draft, values, error: result.message });
      return;
    }

    setAnnotations((current) =>
      current.map((item) =>
        item.id === result.data.annotation.id ? toReader(result.data.annotation) : item,
      ),
    );
    setDraft(null);
    setStatus("Highlight updated.");
  }

  // Optimistic: the highlight shows at once; if the server refuses, it is removed
  // and the popover reopens with what the person chose, plus the reason.
  async function create(createDraft: Extract<Draft, { mode: "create" }>, values: PopoverValues) {
    const pendingId = `pending-${Date.now()}`;
    const now = new Date().toISOString();
    const pending: ReaderAnnotation = {
      id: pendingId,
      documentId: doc.id,
      documentVersion: doc.version,
      start: createDraft.start,
      end: createDraft.end,
      start16: offsets.toUtf16(createDraft.start),
      end16: offsets.toUtf16(createDraft.end),
      exact: createDraft.quote,
      comment: values.comment,
      confidence: values.confidence,
      anchorStatus: "ANCHORED",
      origin: createDraft.suggestion ? "SUGGESTION" : "PERSON",
      revision: 1,
      labelIds: values.labelIds,
      values: values.values,
      author: currentUser,
      createdAt: now,
      updatedAt: now,
      isPending: true,
    };

    setAnnotations((current) => [...current, pending]);
    setDraft(null);
    window.getSelection()?.removeAllRanges();
    selection.current = null;
    readerRef.current?.focus({ preventScroll: true });

    const suggestion = createDraft.suggestion;
    if (suggestion) {
      setSuggestions((current) => current?.filter((item) => item.id !== suggestion.id) ?? null);
    }

    const result = await requestJson<{ annotation: AnnotationView }>(
      `/api/v1/documents/${doc.id}/annotations`,
      "POST",
      {
        start: createDraft.start,
        end: createDraft.end,
        exact: createDraft.quote,
        documentVersion: doc.version,
        ...values,
        ...(suggestion ? { origin: "SUGGESTION", suggestionRule: suggestion.ruleId } : {}),
      },
      // One key per save: retries after a dropped connection never make a second highlight.
      { idempotencyKey: createRequestId() },
    );

    if (!result.ok) {
      setAnnotations((current) => current.filter((item) => item.id !== pendingId));
      if (suggestion) {
        setSuggestions((current) => (current ? [...current, suggestion] : current));
      }
      positionBelow(pending.start16, pending.end16);
      setDraft({ ...createDraft, values, error: `Not saved: ${result.message}` });
      return;
    }

    setAnnotations((current) =>
      current.map((item) => (item.id === pendingId ? toReader(result.data.annotation) : item)),
    );
    setStatus("Highlight saved.");
  }

  // No confirmation dialog: deleting is immediate and undoable from the status line.
  async function remove(annotation: ReaderAnnotation) {
    const result = await requestJson<null>(`/api/v1/annotations/${annotation.id}`, "DELETE");

    if (!result.ok) {
      setStatus(`Not deleted: ${result.message}`);
      return;
    }

    setAnnotations((current) => current.filter((item) => item.id !== annotation.id));
    setUndoable(annotation);
    setStatus("Highlight deleted.");
  }

  function dismissedKey() {
    return `framewise:dismissed-suggestions:${doc.id}:${doc.version}`;
  }

  async function runSuggestions() {
    setStatus("Looking for passages to suggest…");
    const { suggest } = await import("@/lib/suggestions/suggest");
    const dismissed = new Set<string>(
      JSON.parse(window.localStorage.getItem(dismissedKey()) ?? "[]") as string[],
    );
    const found = matchSuggestions(
      suggest(doc.text),
      codebook,
      annotations.map((annotation) => ({
        start: annotation.start,
        end: annotation.end,
        labelIds: annotation.labelIds,
      })),
      dismissed,
    );
    setSuggestions(found);
    setStatus(
      `${found.length} suggested passage${found.length === 1 ? "" : "s"}: accept, edit or dismiss each one.`,
    );
  }

  function suggestionDraft(suggestion: ReaderSuggestion): Extract<Draft, { mode: "create" }> {
    return {
      mode: "create",
      start: suggestion.start,
      end: suggestion.end,
      quote: suggestion.exact,
      values: {
        labelIds: suggestion.labelId ? [suggestion.labelId] : [],
        comment: suggestion.labelId ? "" : `Not part of the article: ${suggestion.ruleDescription}`,
        confidence: null,
        values: [],
      },
      error: null,
      suggestion,
    };
  }

  function acceptSuggestion(suggestion: ReaderSuggestion) {
    if (!canAnnotate) {
      setStatus("Your role in this workspace lets you read highlights but not add them.");
      return;
    }
    const draftFromSuggestion = suggestionDraft(suggestion);
    void create(draftFromSuggestion, draftFromSuggestion.values);
  }

  function editSuggestion(suggestion: ReaderSuggestion) {
    positionBelow(offsets.toUtf16(suggestion.start), offsets.toUtf16(suggestion.end));
    setDraft(suggestionDraft(suggestion));
  }

  function dismissSuggestion(suggestion: ReaderSuggestion) {
    const dismissed = new Set<string>(
      JSON.parse(window.localStorage.getItem(dismissedKey()) ?? "[]") as string[],
    );
    dismissed.add(suggestion.id);
    window.localStorage.setItem(dismissedKey(), JSON.stringify([...dismissed]));
    setSuggestions((current) => current?.filter((item) => item.id !== suggestion.id) ?? null);
    setStatus("Suggestion dismissed.");
  }

  function showSuggestion(suggestion: ReaderSuggestion) {
    setActiveSuggestionId(suggestion.id);
    readerControl.current?.paintRange(
      offsets.toUtf16(suggestion.start),
      offsets.toUtf16(suggestion.end),
    );
    readerRef.current
      ?.querySelector(`mark[data-ids~="${CSS.escape(suggestion.id)}"]`)
      ?.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function startReattach(orphan: ReaderAnnotation) {
    setReattaching(orphan);
    setStatus(
      "Select the passage this highlight belongs to (drag, or Shift and the arrow keys then Enter).",
    );
    readerRef.current?.focus({ preventScroll: true });
  }

  async function reattach(orphan: ReaderAnnotation, start: number, end: number, exact: string) {
    const result = await requestJson<{ annotation: AnnotationView }>(
      `/api/v1/annotations/${orphan.id}`,
      "PATCH",
      { revision: orphan.revision, span: { start, end, exact, documentVersion: doc.version } },
    );
    setReattaching(null);
    window.getSelection()?.removeAllRanges();
    selection.current = null;

    if (!result.ok) {
      setStatus(`Not re-attached: ${result.message}`);
      return;
    }

    setAnnotations((current) =>
      current.map((item) => (item.id === orphan.id ? toReader(result.data.annotation) : item)),
    );
    setStatus("Highlight re-attached.");
  }

  async function undoDelete() {
    if (!undoable) {
      return;
    }
    const result = await requestJson<{ annotation: AnnotationView }>(
      `/api/v1/annotations/${undoable.id}/restore`,
      "POST",
    );
    setUndoable(null);

    if (!result.ok) {
      setStatus(`Not restored: ${result.message}`);
      return;
    }

    setAnnotations((current) => [...current, toReader(result.data.annotation)]);
    setStatus("Highlight restored.");
  }

  function edit(annotation: ReaderAnnotation) {
    positionBelow(annotation.start16, annotation.end16);
    setActiveIds(new Set([annotation.id]));
    setDraft({
      mode: "edit",
      annotation,
      values: {
        labelIds: annotation.labelIds,
        comment: annotation.comment,
        confidence: annotation.confidence,
        values: annotation.values,
      },
      error: null,
      span: { start16: annotation.start16, end16: annotation.end16 },
    });
    placeHandles(annotation.start16, annotation.end16);
  }

  function placeHandles(start16: number, end16: number) {
    const root = readerRef.current;
    const wrapper = wrapperRef.current;
    setHandleBoxes(root && wrapper ? measureHandleBoxes(root, wrapper, start16, end16) : null);
  }

  // Moves one edge of the highlight being edited by a word, keeping it non-empty.
  function adjustSpan(edge: "start" | "end", direction: 1 | -1) {
    if (!draft || draft.mode !== "edit") {
      return;
    }
    const { start16, end16 } = draft.span;
    moveSpanEdge(edge, nextWordEdge(doc.text, edge === "start" ? start16 : end16, direction));
  }

  // Puts one edge of the highlight being edited at a text offset (UTF-16), snapped to
  // words when snapping is on; refuses to make it empty.
  function moveSpanEdge(edge: "start" | "end", offset16: number) {
    if (!draft || draft.mode !== "edit") {
      return;
    }
    const { start16, end16 } = draft.span;
    const snapped = snap ? snapToWords(doc.text, offset16, offset16) : null;
    const moved = snapped ? (edge === "start" ? snapped.start : snapped.end) : offset16;
    const candidate = edge === "start" ? { start16: moved, end16 } : { start16, end16: moved };
    const trimmed = trimSpan(
      doc.text,
      offsets.toCodePoint(candidate.start16),
      offsets.toCodePoint(candidate.end16, "ceil"),
    );
    if (!trimmed || candidate.start16 >= candidate.end16) {
      setDraft({ ...draft, error: "A highlight needs at least one word." });
      return;
    }
    const span = { start16: offsets.toUtf16(trimmed.start), end16: offsets.toUtf16(trimmed.end) };
    setDraft({ ...draft, error: null, span });
    placeHandles(span.start16, span.end16);
  }

  // From the side list: the highlight is painted (it may be far down, not painted yet),
  // scrolled to, and the reader takes focus with its caret at the highlight's start, so
  // Enter lists the highlights there and a screen reader reads on from it.
  function focusAnnotation(annotation: ReaderAnnotation) {
    setActiveIds(new Set([annotation.id]));
    const root = readerRef.current;
    if (!root) {
      return;
    }
    readerControl.current?.paintRange(annotation.start16, annotation.end16);
    const mark = root.querySelector(`mark[data-ids~="${CSS.escape(annotation.id)}"]`);
    if (!mark) {
      return;
    }
    mark.scrollIntoView({ block: "center", behavior: "smooth" });
    const first = globalThis.document.createTreeWalker(mark, NodeFilter.SHOW_TEXT).nextNode();
    if (first) {
      window.getSelection()?.collapse(first, 0);
    }
    root.focus({ preventScroll: true });
  }

  const onHighlightClick = useCallback(
    (allIds: string[]) => {
      const suggestionId = allIds.find(isSuggestionId);
      if (suggestionId) {
        setActiveSuggestionId(suggestionId);
        requestAnimationFrame(() =>
          globalThis.document.getElementById(suggestionId)?.scrollIntoView({ block: "nearest" }),
        );
      }
      const ids = allIds.filter((id) => !isSuggestionId(id));
      if (ids.length === 0) {
        return;
      }
      setActiveIds(new Set(ids));
      setHereIds(ids);
      setStatus(
        `${ids.length} highlight${ids.length === 1 ? "" : "s"} at this passage, listed in the side panel.`,
      );
      requestAnimationFrame(() =>
        globalThis.document.getElementById(`${idBase}-here`)?.scrollIntoView({ block: "nearest" }),
      );
    },
    [idBase],
  );

  return (
    <div
      className={
        layout === "below" ? "grid gap-6" : "grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]"
      }
    >
      <div
        ref={wrapperRef}
        className="relative"
        // Mouse and pen selections open the popover when the pointer is released; on
        // touch screens people adjust the selection handles first, then use the button.
        onPointerUp={(event) =>
          event.pointerType === "touch"
            ? undefined
            : requestAnimationFrame(() =>
                selection.current && (!draft || (draft.mode === "create" && draft.isLost))
                  ? openForSelection()
                  : undefined,
              )
        }
      >
        {canAnnotate ? (
          <div className="mb-2 flex flex-wrap items-center gap-3">
            <Button
              variant="secondary"
              // Keeps the text selection: the button must not take it away on press.
              onPointerDown={(event) => event.preventDefault()}
              onClick={openForSelection}
            >
              Tag selection
            </Button>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={snap}
                onChange={(event) => setSnap(event.target.checked)}
              />
              Snap selections to whole words
            </label>
          </div>
        ) : null}
        {conflict ? (
          <AnnotationConflict
            key={`${conflict.base.id}-${conflict.theirs.revision}`}
            base={conflict.base}
            mine={conflict.mine}
            theirs={conflict.theirs}
            codebook={codebook}
            onResolved={(annotation, how) => {
              setAnnotations((current) =>
                current.map((item) => (item.id === annotation.id ? toReader(annotation) : item)),
              );
              setConflict(null);
              setStatus(how);
            }}
            onClose={() => setConflict(null)}
          />
        ) : null}
        {textNotice ? (
          <div
            role="status"
            className="mb-2 flex items-start justify-between gap-2 rounded-md border border-amber-700 bg-amber-50 p-2 text-sm"
            data-testid="text-changed-notice"
          >
            <p>{textNotice}</p>
            <button
              type="button"
              className="text-sky-800 underline"
              onClick={() => setTextNotice(null)}
            >
              Dismiss
            </button>
          </div>
        ) : null}
        <p id={`${idBase}-help`} className="sr-only">
          Select text with the mouse, or focus the text and hold Shift with the arrow keys. Press
          Enter to tag the selection. Escape closes the tag dialog.
        </p>
        <ReaderText
          text={doc.text}
          segments={segments}
          describe={describe}
          activeIds={activeIds}
          rootRef={readerRef}
          controlRef={readerControl}
          helpId={`${idBase}-help`}
          onSelect={onSelect}
          onAnnotateShortcut={openForSelection}
          onHighlightClick={onHighlightClick}
        />
        {draft ? (
          <AnnotationPopover
            key={
              draft.mode === "edit"
                ? draft.annotation.id
                : (draft.draftId ?? `${draft.start}-${draft.end}-${draft.error ?? ""}`)
            }
            codebook={codebook}
            quote={
              draft.mode === "edit"
                ? draft.annotation.anchorStatus === "ORPHANED"
                  ? draft.annotation.exact
                  : doc.text.slice(draft.span.start16, draft.span.end16)
                : draft.quote
            }
            notice={draft.notice ?? null}
            onAdjustSpan={
              draft.mode === "edit" && draft.annotation.anchorStatus !== "ORPHANED"
                ? adjustSpan
                : undefined
            }
            initial={draft.values}
            mode={draft.mode}
            position={popoverPosition}
            error={draft.error}
            isSaving={isSaving}
            onSave={(values) => void save(values)}
            onClose={closePopover}
            linkCandidates={listLinkCandidates(
              sorted,
              draft.mode === "edit" ? draft.annotation.id : null,
            )}
            targetSuggestions={listTargetSuggestions(annotations)}
          />
        ) : null}
        {draft?.mode === "edit" && handleBoxes ? (
          <SpanHandles
            boxes={handleBoxes}
            readerRef={readerRef}
            onMove={moveSpanEdge}
            onStep={adjustSpan}
          />
        ) : null}
      </div>
      <aside
        aria-labelledby={`${idBase}-heading`}
        className="flex flex-col gap-3 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto"
      >
        <h2 id={`${idBase}-heading`} className="text-lg font-semibold">
          Highlights <span className="text-base font-normal text-stone-600">({sorted.length})</span>
        </h2>
        <div className="flex min-h-5 items-center gap-2">
          <p
            role="status"
            aria-live="polite"
            className="text-sm text-stone-700"
            data-testid="annotator-status"
          >
            {status}
          </p>
          {undoable ? (
            <Button variant="secondary" onClick={() => void undoDelete()}>
              Undo delete
            </Button>
          ) : null}
        </div>
        {here.length > 0 ? (
          <section
            id={`${idBase}-here`}
            aria-labelledby={`${idBase}-here-heading`}
            className="flex flex-col gap-2 rounded-md border border-sky-800 bg-sky-50 p-2"
            data-testid="highlights-here"
          >
            <div className="flex items-center justify-between gap-2">
              <h3 id={`${idBase}-here-heading`} className="text-sm font-semibold">
                At this passage ({here.length})
              </h3>
              <button
                type="button"
                className="text-sm text-sky-800 underline"
                onClick={() => {
                  setHereIds(null);
                  setActiveIds(new Set());
                }}
              >
                Close
              </button>
            </div>
            <AnnotationValuesProvider dimensionNames={dimensionNames} quotes={quotes}>
              <AnnotationList
                annotations={here}
                labelsById={labelsById}
                currentUserId={currentUser.id}
                canAnnotate={canAnnotate}
                activeIds={new Set()}
                onFocus={focusAnnotation}
                onEdit={edit}
                onDelete={(annotation) => void remove(annotation)}
              />
            </AnnotationValuesProvider>
          </section>
        ) : null}
        {canAnnotate ? (
          <section aria-labelledby={`${idBase}-suggestions`} className="flex flex-col gap-2">
            <div className="flex items-center justify-between gap-2">
              <h3 id={`${idBase}-suggestions`} className="text-sm font-semibold">
                Suggestions{suggestions ? ` (${suggestions.length})` : ""}
              </h3>
              <Button variant="secondary" onClick={() => void runSuggestions()}>
                {suggestions ? "Suggest again" : "Suggest passages"}
              </Button>
            </div>
            {suggestions ? (
              <SuggestionList
                suggestions={suggestions}
                labelsById={labelsById}
                activeId={activeSuggestionId}
                onShow={showSuggestion}
                onAccept={acceptSuggestion}
                onEdit={editSuggestion}
                onDismiss={dismissSuggestion}
              />
            ) : (
              <p className="text-xs text-stone-600">
                Rules (no AI, nothing leaves this page) mark loaded words, vague attributions such
                as “critics say”, unattributed figures and page furniture for you to confirm.
              </p>
            )}
          </section>
        ) : null}
        <OrphanList
          orphans={orphans}
          labelsById={labelsById}
          currentUserId={currentUser.id}
          canAnnotate={canAnnotate}
          reattachingId={reattaching?.id ?? null}
          onReattach={startReattach}
          onCancelReattach={() => {
            setReattaching(null);
            setStatus("");
          }}
          onDelete={(annotation) => void remove(annotation)}
        />
        <AnnotationFilters
          codebook={codebook}
          authors={authors}
          counts={counts}
          filter={filter}
          onChange={setFilter}
        />
        {isFilterActive(filter) ? (
          <p className="text-sm text-stone-700">
            Showing {visible.length} of {sorted.length} highlights.
          </p>
        ) : null}
        <AnnotationValuesProvider dimensionNames={dimensionNames} quotes={quotes}>
          <AnnotationList
            annotations={visible}
            labelsById={labelsById}
            currentUserId={currentUser.id}
            canAnnotate={canAnnotate}
            activeIds={activeIds}
            onFocus={focusAnnotation}
            onEdit={edit}
            onDelete={(annotation) => void remove(annotation)}
          />
        </AnnotationValuesProvider>
      </aside>
    </div>
  );
}
