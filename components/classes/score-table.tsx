import type { PrecisionRecall } from "@/lib/scoring/compare-with-key";

function show(value: number | null) {
  return value === null ? "—" : value.toFixed(2);
}

type ScoreTableProps = {
  caption: string;
  exact: PrecisionRecall;
  overlap: PrecisionRecall;
  labelled: PrecisionRecall;
};

// Precision, recall and F1, exact and overlap-based (definitions in docs/classes.md).
export function ScoreTable({ caption, exact, overlap, labelled }: ScoreTableProps) {
  const rows: [string, string, PrecisionRecall][] = [
    ["Exact", "same start and end", exact],
    ["Overlap", "sharing at least one character", overlap],
    ["Overlap with the same labels", "and identical label sets", labelled],
  ];
  return (
    <table className="w-full max-w-2xl border-collapse text-sm" data-testid="score-table">
      <caption className="mb-1 text-left font-semibold">{caption}</caption>
      <thead>
        <tr className="border-b border-stone-300 text-left">
          <th className="py-1 pr-2">Match</th>
          <th className="py-1 pr-2">Precision</th>
          <th className="py-1 pr-2">Recall</th>
          <th className="py-1">F1</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, help, score]) => (
          <tr key={name} className="border-b border-stone-200">
            <th scope="row" className="py-1 pr-2 text-left font-normal">
              {name} <span className="text-xs text-stone-600">({help})</span>
            </th>
            <td className="py-1 pr-2">{show(score.precision)}</td>
            <td className="py-1 pr-2">{show(score.recall)}</td>
            <td className="py-1">{show(score.f1)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
