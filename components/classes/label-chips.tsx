import type { LabelInfo } from "@/lib/server/assignment/load-label-names";

type LabelChipsProps = { labelIds: readonly string[]; labels: ReadonlyMap<string, LabelInfo> };

export function LabelChips({ labelIds, labels }: LabelChipsProps) {
  if (labelIds.length === 0) {
    return <span className="text-xs text-stone-600">no label</span>;
  }
  return (
    <ul className="inline-flex flex-wrap gap-1" aria-label="Labels">
      {labelIds.map((id) => {
        const label = labels.get(id);
        return (
          <li
            key={id}
            className="flex items-center gap-1 rounded-full border border-stone-300 px-2 py-0.5 text-xs"
          >
            <span
              aria-hidden="true"
              className="inline-block size-2 rounded-full"
              style={{ backgroundColor: label?.color }}
            />
            {label ? `${label.dimensionName}: ${label.name}` : "Unknown label"}
          </li>
        );
      })}
    </ul>
  );
}
