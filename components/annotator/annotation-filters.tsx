"use client";

import { useId } from "react";

import {
  isFilterActive,
  noFilter,
  type AnnotationFilter,
} from "@/lib/annotator/filter-annotations";

import type { AnnotatorCodebook } from "./types";

type AnnotationFiltersProps = {
  codebook: AnnotatorCodebook;
  authors: { id: string; name: string }[];
  counts: ReadonlyMap<string, number>;
  filter: AnnotationFilter;
  onChange: (filter: AnnotationFilter) => void;
};

const selectClass = "w-full rounded-md border border-stone-400 bg-white px-2 py-1 text-sm";

export function AnnotationFilters({
  codebook,
  authors,
  counts,
  filter,
  onChange,
}: AnnotationFiltersProps) {
  const id = useId();
  const labels = codebook.dimensions
    .filter((dimension) => !filter.dimensionId || dimension.id === filter.dimensionId)
    .flatMap((dimension) =>
      dimension.labels.map((label) => ({ ...label, dimensionName: dimension.name })),
    );

  return (
    <details className="rounded-md border border-stone-300 bg-white p-2 text-sm">
      <summary className="cursor-pointer font-medium">
        Filter and count{isFilterActive(filter) ? " (filtered)" : ""}
      </summary>
      <div className="mt-2 grid grid-cols-1 gap-2">
        <label htmlFor={`${id}-dimension`} className="flex flex-col gap-1">
          Dimension
          <select
            id={`${id}-dimension`}
            className={selectClass}
            value={filter.dimensionId ?? ""}
            onChange={(event) =>
              onChange({ ...filter, dimensionId: event.target.value || null, labelId: null })
            }
          >
            <option value="">All dimensions</option>
            {codebook.dimensions.map((dimension) => (
              <option key={dimension.id} value={dimension.id}>
                {dimension.name}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-label`} className="flex flex-col gap-1">
          Label
          <select
            id={`${id}-label`}
            className={selectClass}
            value={filter.labelId ?? ""}
            onChange={(event) => onChange({ ...filter, labelId: event.target.value || null })}
          >
            <option value="">All labels</option>
            {labels.map((label) => (
              <option key={label.id} value={label.id}>
                {label.dimensionName}: {label.name} ({counts.get(label.id) ?? 0})
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-author`} className="flex flex-col gap-1">
          Author
          <select
            id={`${id}-author`}
            className={selectClass}
            value={filter.authorId ?? ""}
            onChange={(event) => onChange({ ...filter, authorId: event.target.value || null })}
          >
            <option value="">Everyone</option>
            {authors.map((author) => (
              <option key={author.id} value={author.id}>
                {author.name}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-origin`} className="flex flex-col gap-1">
          Status
          <select
            id={`${id}-origin`}
            className={selectClass}
            value={filter.origin ?? ""}
            onChange={(event) =>
              onChange({
                ...filter,
                origin:
                  event.target.value === ""
                    ? null
                    : (event.target.value as "PERSON" | "SUGGESTION"),
              })
            }
          >
            <option value="">Any</option>
            <option value="PERSON">Made by a person</option>
            <option value="SUGGESTION">Accepted suggestion</option>
          </select>
        </label>
        {isFilterActive(filter) ? (
          <button
            type="button"
            className="self-start text-sky-800 underline"
            onClick={() => onChange(noFilter)}
          >
            Clear filters
          </button>
        ) : null}
        <table className="w-full text-left text-xs" aria-label="Highlights per label">
          <thead>
            <tr className="text-stone-600">
              <th scope="col" className="font-medium">
                Label
              </th>
              <th scope="col" className="text-right font-medium">
                Highlights
              </th>
            </tr>
          </thead>
          <tbody>
            {labels
              .filter((label) => (counts.get(label.id) ?? 0) > 0)
              .map((label) => (
                <tr key={label.id}>
                  <td>
                    {label.dimensionName}: {label.name}
                  </td>
                  <td className="text-right tabular-nums">{counts.get(label.id)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
