import { buildDiffRuns } from "@/lib/review/diff-runs";
import type { DiffPart } from "@/lib/review/text-diff";

export type DiffHighlight = { id: string; start16: number; end16: number; description: string };

type DiffSideProps = {
  text: string;
  parts: readonly DiffPart[];
  highlights: readonly DiffHighlight[];
  testId: string;
  label: string;
};

// One version of the text with its changes (removed text struck through on the old
// side, added text underlined on the new side) and its highlights as marks. The changes
// are also announced in words to screen readers, never by colour alone.
export function DiffSide({ text, parts, highlights, testId, label }: DiffSideProps) {
  const runs = buildDiffRuns(
    text.length,
    parts,
    highlights.map((highlight) => ({
      id: highlight.id,
      start: highlight.start16,
      end: highlight.end16,
    })),
  );
  const byId = new Map(highlights.map((highlight) => [highlight.id, highlight]));

  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="max-h-[70vh] overflow-y-auto rounded-md border border-stone-300 bg-white p-3 font-serif text-base leading-7 break-words whitespace-pre-wrap"
      data-testid={testId}
    >
      {runs.map((run) => {
        const chunk = text.slice(run.start, run.end);
        const inner =
          run.kind === "removed" ? (
            <del className="bg-red-100 text-red-950 decoration-red-800 decoration-2">
              <span className="sr-only">[removed: </span>
              {chunk}
              <span className="sr-only">]</span>
            </del>
          ) : run.kind === "added" ? (
            <ins className="bg-emerald-100 text-emerald-950 decoration-emerald-800 decoration-2">
              <span className="sr-only">[added: </span>
              {chunk}
              <span className="sr-only">]</span>
            </ins>
          ) : (
            chunk
          );
        if (run.ids.length === 0) {
          return <span key={run.start}>{inner}</span>;
        }
        const title = run.ids
          .map((id) => byId.get(id)?.description)
          .filter(Boolean)
          .join("; ");
        return (
          <mark
            key={run.start}
            title={title}
            data-ids={run.ids.join(" ")}
            className="rounded-sm bg-amber-200/70 text-inherit shadow-[inset_0_-3px_0_#b45309]"
          >
            {inner}
          </mark>
        );
      })}
    </div>
  );
}
