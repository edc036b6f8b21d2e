"use client";

import type { CodebookView } from "@/lib/server/codebook/get-default-codebook";

type LabelPickerProps = {
  codebook: CodebookView;
  labelIds: string[];
  onChange: (labelIds: string[]) => void;
  // Distinguishes several pickers on one page.
  name: string;
};

// Label choices by dimension: checkboxes where several apply, radio buttons (with
// "None") where one does.
export function LabelPicker({ codebook, labelIds, onChange, name }: LabelPickerProps) {
  function pick(dimensionId: string, labelId: string, multiple: boolean, checked: boolean) {
    const inDimension = new Set(
      codebook.dimensions
        .find((dimension) => dimension.id === dimensionId)
        ?.labels.map((label) => label.id),
    );
    if (multiple) {
      onChange(checked ? [...labelIds, labelId] : labelIds.filter((id) => id !== labelId));
      return;
    }
    const others = labelIds.filter((id) => !inDimension.has(id));
    onChange(labelId ? [...others, labelId] : others);
  }

  return (
    <div className="flex flex-col gap-2">
      {codebook.dimensions.map((dimension) => (
        <fieldset key={dimension.id} className="flex flex-col gap-1">
          <legend className="text-sm font-semibold">
            {dimension.name}
            {dimension.multiple ? (
              <span className="font-normal text-stone-600"> (any that apply)</span>
            ) : null}
          </legend>
          <div className="flex flex-wrap gap-x-3 gap-y-1">
            {dimension.multiple ? null : (
              <label className="flex items-center gap-1 text-sm text-stone-600">
                <input
                  type="radio"
                  name={`${name}-${dimension.id}`}
                  checked={!dimension.labels.some((label) => labelIds.includes(label.id))}
                  onChange={() => pick(dimension.id, "", false, true)}
                />
                None
              </label>
            )}
            {dimension.labels.map((label) => (
              <label
                key={label.id}
                className="flex items-center gap-1 text-sm"
                title={label.description}
              >
                <input
                  type={dimension.multiple ? "checkbox" : "radio"}
                  name={`${name}-${dimension.id}`}
                  value={label.id}
                  checked={labelIds.includes(label.id)}
                  onChange={(event) =>
                    pick(dimension.id, label.id, dimension.multiple, event.target.checked)
                  }
                />
                <span
                  aria-hidden="true"
                  className="inline-block size-2.5 rounded-full"
                  style={{ backgroundColor: label.color }}
                />
                {label.name}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
