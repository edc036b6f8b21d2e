"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type KeyboardEvent } from "react";

import { Button } from "@/components/ui/button";
import { FieldShell, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { deleteCodebookLabelAction } from "@/lib/actions/delete-codebook-label";
import { listCodebookLabelAnnotationsAction } from "@/lib/actions/list-codebook-label-annotations";
import { mergeCodebookLabelsAction } from "@/lib/actions/merge-codebook-labels";
import { renameCodebookLabelAction } from "@/lib/actions/rename-codebook-label";
import { splitCodebookLabelAction } from "@/lib/actions/split-codebook-label";
import type { TypedActionResult } from "@/lib/actions/run-typed-action";
import type { FieldErrors } from "@/lib/errors/app-error";
import type { LabelAnnotation } from "@/lib/server/codebook/list-label-annotations";

type OperationLabel = { id: string; key: string; name: string; usage: number };
type OperationDimension = { id: string; key: string; name: string; labels: OperationLabel[] };

type LabelOperationsProps = {
  workspaceId: string;
  codebook: { id: string; version: number; updatedAt: string };
  dimensions: OperationDimension[];
};

type Done = { id: string; workspaceId: string; version: number };

const tabs = [
  { key: "rename", name: "Rename" },
  { key: "merge", name: "Merge" },
  { key: "split", name: "Split" },
  { key: "delete", name: "Delete" },
] as const;

type TabKey = (typeof tabs)[number]["key"];

const selectClass = "rounded-md border border-stone-400 bg-white px-3 py-2";

function highlights(count: number) {
  return `${count} highlight${count === 1 ? "" : "s"}`;
}

function toKey(name: string) {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

// One operation at a time, each a form that says how many highlights it affects before
// it runs. They run as server actions; a refusal leaves the form as it was.
export function LabelOperations({ workspaceId, codebook, dimensions }: LabelOperationsProps) {
  const router = useRouter();
  const [selected, setSelected] = useState<TabKey>("rename");
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [isPending, startTransition] = useTransition();
  const tabRefs = useRef(new Map<TabKey, HTMLButtonElement>());

  const labels = dimensions.flatMap((dimension) =>
    dimension.labels.map((label) => ({ ...label, dimension })),
  );
  const target = { codebookId: codebook.id, expectedUpdatedAt: codebook.updatedAt };

  function run(action: () => Promise<TypedActionResult<Done>>, done: string, moved: number) {
    setMessage(null);
    setFieldErrors({});
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setMessage(result.message);
        setFieldErrors(result.fieldErrors);
        return;
      }
      router.push(
        `/workspaces/${workspaceId}/codebooks/${result.data.id}?done=${done}&moved=${moved}`,
      );
    });
  }

  function onTabKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((tab) => tab.key === selected);
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    const next =
      event.key === "Home" ? 0 : event.key === "End" ? tabs.length - 1 : step ? index + step : null;
    if (next === null) {
      return;
    }
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length];
    if (tab) {
      setSelected(tab.key);
      setMessage(null);
      tabRefs.current.get(tab.key)?.focus();
    }
  }

  const panelProps = { labels, dimensions, isPending, fieldErrors, target, run };

  return (
    <div className="flex flex-col gap-3">
      <div
        role="tablist"
        aria-label="Label operation"
        className="flex flex-wrap gap-1 border-b border-stone-300"
        onKeyDown={onTabKeyDown}
      >
        {tabs.map((tab) => (
          <button
            key={tab.key}
            ref={(element) => {
              if (element) {
                tabRefs.current.set(tab.key, element);
              }
            }}
            type="button"
            role="tab"
            id={`tab-${tab.key}`}
            aria-selected={selected === tab.key}
            aria-controls={`panel-${tab.key}`}
            tabIndex={selected === tab.key ? 0 : -1}
            onClick={() => {
              setSelected(tab.key);
              setMessage(null);
            }}
            className={`-mb-px rounded-t-md border px-3 py-2 text-sm ${selected === tab.key ? "border-stone-300 border-b-white bg-white font-semibold" : "border-transparent text-stone-700 hover:bg-stone-100"}`}
          >
            {tab.name}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`panel-${selected}`}
        aria-labelledby={`tab-${selected}`}
        className="flex flex-col gap-4 rounded-lg border border-stone-300 bg-white p-5"
      >
        <FormMessage message={message} />
        {selected === "rename" ? <RenamePanel {...panelProps} /> : null}
        {selected === "merge" ? <MergePanel {...panelProps} /> : null}
        {selected === "split" ? <SplitPanel {...panelProps} /> : null}
        {selected === "delete" ? <DeletePanel {...panelProps} /> : null}
      </div>
    </div>
  );
}

type PanelProps = {
  labels: (OperationLabel & { dimension: OperationDimension })[];
  dimensions: OperationDimension[];
  isPending: boolean;
  fieldErrors: FieldErrors;
  target: { codebookId: string; expectedUpdatedAt: string };
  run: (action: () => Promise<TypedActionResult<Done>>, done: string, moved: number) => void;
};

function LabelSelect({
  id,
  label,
  value,
  dimensions,
  onChange,
  exclude = [],
  errors,
}: {
  id: string;
  label: string;
  value: string;
  dimensions: OperationDimension[];
  onChange: (value: string) => void;
  exclude?: string[];
  errors?: string[];
}) {
  return (
    <FieldShell id={id} label={label} errors={errors}>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={`${id}-error`}
        className={selectClass}
      >
        <option value="">Choose a label…</option>
        {dimensions.map((dimension) => (
          <optgroup key={dimension.id} label={dimension.name}>
            {dimension.labels
              .filter((option) => !exclude.includes(option.id))
              .map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name} ({highlights(option.usage)})
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </FieldShell>
  );
}

function RenamePanel({ labels, dimensions, isPending, fieldErrors, target, run }: PanelProps) {
  const [labelId, setLabelId] = useState("");
  const [name, setName] = useState("");
  const [key, setKey] = useState("");
  const label = labels.find((candidate) => candidate.id === labelId);

  return (
    <form
      className="flex flex-col gap-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () => renameCodebookLabelAction({ ...target, labelId, name, key }),
          "renamed",
          label?.usage ?? 0,
        );
      }}
    >
      <p className="text-sm text-stone-700">
        A new name, or a new key (as exports show it). The label&apos;s highlights keep it.
      </p>
      <LabelSelect
        id="rename-label"
        label="Label to rename"
        value={labelId}
        dimensions={dimensions}
        onChange={(value) => {
          setLabelId(value);
          const chosen = labels.find((candidate) => candidate.id === value);
          setName(chosen?.name ?? "");
          setKey(chosen?.key ?? "");
        }}
        errors={fieldErrors.labelId}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          id="rename-name"
          label="New name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          errors={fieldErrors.name}
        />
        <TextField
          id="rename-key"
          label="Key"
          hint="Change it only if exports need another key; the highlights move with it."
          value={key}
          onChange={(event) => setKey(event.target.value)}
          errors={fieldErrors.key}
        />
      </div>
      {label ? (
        <p className="text-sm" data-testid="operation-summary">
          {highlights(label.usage)} with “{label.name}” will carry “{name || "…"}”.
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={isPending || !label}>
          {isPending ? "Renaming…" : "Rename label"}
        </Button>
      </div>
    </form>
  );
}

function MergePanel({ dimensions, isPending, fieldErrors, target, run }: PanelProps) {
  const candidates = dimensions.filter((dimension) => dimension.labels.length >= 2);
  const [dimensionId, setDimensionId] = useState(candidates[0]?.id ?? "");
  const [sources, setSources] = useState<string[]>([]);
  const [mode, setMode] = useState<"existing" | "new">("existing");
  const [targetId, setTargetId] = useState("");
  const [newName, setNewName] = useState("");
  const [newKey, setNewKey] = useState("");
  const [isKeyAuto, setIsKeyAuto] = useState(true);

  const dimension = dimensions.find((candidate) => candidate.id === dimensionId);
  const chosen = dimension?.labels.filter((label) => sources.includes(label.id)) ?? [];
  const moved = chosen.reduce((sum, label) => sum + label.usage, 0);
  const targetLabel = dimension?.labels.find((label) => label.id === targetId);
  const targetName = mode === "existing" ? targetLabel?.name : newName;
  const isReady =
    chosen.length > 0 && (mode === "existing" ? targetLabel !== undefined : newName.trim() !== "");

  return (
    <form
      className="flex flex-col gap-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () =>
            mergeCodebookLabelsAction({
              ...target,
              sourceLabelIds: sources,
              target: mode === "existing" ? { labelId: targetId } : { name: newName, key: newKey },
            }),
          "merged",
          moved,
        );
      }}
    >
      <p className="text-sm text-stone-700">
        Labels A, B… become one label C: an existing label of the same dimension or a new one.
        Highlights that had several of them get C once.
      </p>
      <FieldShell id="merge-dimension" label="Dimension">
        <select
          id="merge-dimension"
          value={dimensionId}
          onChange={(event) => {
            setDimensionId(event.target.value);
            setSources([]);
            setTargetId("");
          }}
          className={selectClass}
        >
          {candidates.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
      </FieldShell>
      {dimension ? (
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium">Labels to merge</legend>
          {dimension.labels.map((label) => (
            <label key={label.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={sources.includes(label.id)}
                disabled={mode === "existing" && label.id === targetId}
                onChange={(event) =>
                  setSources((current) =>
                    event.target.checked
                      ? [...current, label.id]
                      : current.filter((id) => id !== label.id),
                  )
                }
              />
              {label.name} ({highlights(label.usage)})
            </label>
          ))}
          {fieldErrors.sourceLabelIds ? (
            <p className="text-sm text-red-800">{fieldErrors.sourceLabelIds.join(" ")}</p>
          ) : null}
        </fieldset>
      ) : null}
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">Merge into</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="merge-mode"
            checked={mode === "existing"}
            onChange={() => setMode("existing")}
          />
          A label of {dimension?.name ?? "the dimension"}
        </label>
        {mode === "existing" && dimension ? (
          <FieldShell id="merge-target" label="Label to keep">
            <select
              id="merge-target"
              value={targetId}
              onChange={(event) => {
                setTargetId(event.target.value);
                setSources((current) => current.filter((id) => id !== event.target.value));
              }}
              className={selectClass}
            >
              <option value="">Choose a label…</option>
              {dimension.labels.map((label) => (
                <option key={label.id} value={label.id}>
                  {label.name}
                </option>
              ))}
            </select>
          </FieldShell>
        ) : null}
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="merge-mode"
            checked={mode === "new"}
            onChange={() => setMode("new")}
          />
          A new label
        </label>
        {mode === "new" ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              id="merge-new-name"
              label="Name of the new label"
              value={newName}
              onChange={(event) => {
                setNewName(event.target.value);
                if (isKeyAuto) {
                  setNewKey(toKey(event.target.value));
                }
              }}
              errors={fieldErrors["target.name"]}
            />
            <TextField
              id="merge-new-key"
              label="Key of the new label"
              value={newKey}
              onChange={(event) => {
                setNewKey(event.target.value);
                setIsKeyAuto(false);
              }}
              errors={fieldErrors.key ?? fieldErrors["target.key"]}
            />
          </div>
        ) : null}
      </fieldset>
      {chosen.length > 0 ? (
        <p className="text-sm" data-testid="operation-summary">
          Moves {highlights(moved)} (
          {chosen.map((label) => `${label.name}: ${label.usage}`).join(", ")}) to “
          {targetName || "…"}”.
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={isPending || !isReady}>
          {isPending ? "Merging…" : "Merge labels"}
        </Button>
      </div>
    </form>
  );
}

type Part = { name: string; key: string; isKeyAuto: boolean };

function SplitPanel({ labels, dimensions, isPending, fieldErrors, target, run }: PanelProps) {
  const [labelId, setLabelId] = useState("");
  const [parts, setParts] = useState<Part[]>([
    { name: "", key: "", isKeyAuto: true },
    { name: "", key: "", isKeyAuto: true },
  ]);
  const [annotations, setAnnotations] = useState<LabelAnnotation[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Annotation id → index of the new label it goes to ("" = not yet assigned).
  const [assigned, setAssigned] = useState<Record<string, string>>({});
  const [isLoading, startLoading] = useTransition();
  const label = labels.find((candidate) => candidate.id === labelId);

  function choose(value: string) {
    setLabelId(value);
    setAnnotations(null);
    setAssigned({});
    setLoadError(null);
    if (!value) {
      return;
    }
    startLoading(async () => {
      const result = await listCodebookLabelAnnotationsAction({
        codebookId: target.codebookId,
        labelId: value,
      });
      if (result.ok) {
        setAnnotations(result.data);
      } else {
        setLoadError(result.message);
      }
    });
  }

  function setPart(index: number, change: Partial<Part>) {
    setParts((current) =>
      current.map((part, position) => (position === index ? { ...part, ...change } : part)),
    );
  }

  const total = annotations?.length ?? 0;
  const done = annotations?.filter((annotation) => assigned[annotation.id]).length ?? 0;

  return (
    <form
      className="flex flex-col gap-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const assignments: Record<string, string> = {};
        for (const [annotationId, index] of Object.entries(assigned)) {
          const part = parts[Number(index)];
          if (index !== "" && part) {
            assignments[annotationId] = part.key;
          }
        }
        run(
          () =>
            splitCodebookLabelAction({
              ...target,
              labelId,
              into: parts.map((part) => ({ name: part.name, key: part.key })),
              assignments,
            }),
          "split",
          total,
        );
      }}
    >
      <p className="text-sm text-stone-700">
        One label A becomes two or more new labels; every highlight of A is assigned to one of them.
        A split that leaves any highlight unassigned is refused.
      </p>
      <LabelSelect
        id="split-label"
        label="Label to split"
        value={labelId}
        dimensions={dimensions}
        onChange={choose}
        errors={fieldErrors.labelId}
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">New labels</legend>
        {parts.map((part, index) => (
          <div key={index} className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto]">
            <TextField
              id={`split-name-${index}`}
              label={`Name of new label ${index + 1}`}
              value={part.name}
              onChange={(event) =>
                setPart(index, {
                  name: event.target.value,
                  ...(part.isKeyAuto ? { key: toKey(event.target.value) } : {}),
                })
              }
            />
            <TextField
              id={`split-key-${index}`}
              label={`Key of new label ${index + 1}`}
              value={part.key}
              onChange={(event) => setPart(index, { key: event.target.value, isKeyAuto: false })}
            />
            <Button
              variant="ghost"
              disabled={parts.length <= 2}
              aria-label={`Remove new label ${index + 1}`}
              onClick={() => {
                setParts((current) => current.filter((_, position) => position !== index));
                setAssigned({});
              }}
            >
              Remove
            </Button>
          </div>
        ))}
        {fieldErrors.into ? (
          <p className="text-sm text-red-800">{fieldErrors.into.join(" ")}</p>
        ) : null}
        <Button
          variant="secondary"
          className="self-start"
          onClick={() =>
            setParts((current) => [...current, { name: "", key: "", isKeyAuto: true }])
          }
        >
          Add another new label
        </Button>
      </fieldset>
      {isLoading ? <p className="text-sm">Loading the highlights…</p> : null}
      <FormMessage message={loadError} />
      {annotations && label ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium">
            Assign each of the {highlights(total)} with “{label.name}”
          </legend>
          {total > 0 ? (
            <div className="flex flex-wrap items-end gap-2">
              <FieldShell id="split-all" label="Assign every unassigned highlight to">
                <select
                  id="split-all"
                  defaultValue=""
                  onChange={(event) => {
                    const value = event.target.value;
                    if (value === "") {
                      return;
                    }
                    setAssigned((current) =>
                      Object.fromEntries(
                        annotations.map((annotation) => [
                          annotation.id,
                          current[annotation.id] || value,
                        ]),
                      ),
                    );
                    event.target.value = "";
                  }}
                  className={selectClass}
                >
                  <option value="">Choose…</option>
                  {parts.map((part, index) => (
                    <option key={index} value={String(index)}>
                      {part.name || `New label ${index + 1}`}
                    </option>
                  ))}
                </select>
              </FieldShell>
            </div>
          ) : null}
          <ul className="flex flex-col gap-2">
            {annotations.map((annotation, row) => (
              <li
                key={annotation.id}
                className="flex flex-col gap-1 rounded-md border border-stone-200 p-2"
              >
                <label htmlFor={`split-assign-${row}`} className="text-sm">
                  <span className="font-serif">“{annotation.exact}”</span>{" "}
                  <span className="text-stone-600">
                    in {annotation.documentTitle}, by {annotation.authorName}
                    {annotation.isDeleted ? " (deleted)" : ""}
                  </span>
                </label>
                <select
                  id={`split-assign-${row}`}
                  value={assigned[annotation.id] ?? ""}
                  onChange={(event) =>
                    setAssigned((current) => ({ ...current, [annotation.id]: event.target.value }))
                  }
                  className={selectClass}
                >
                  <option value="">Not assigned</option>
                  {parts.map((part, index) => (
                    <option key={index} value={String(index)}>
                      {part.name || `New label ${index + 1}`}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
          <p className="text-sm" data-testid="operation-summary">
            {done} of {highlights(total)} assigned.
          </p>
        </fieldset>
      ) : null}
      <div>
        <Button type="submit" disabled={isPending || !label || annotations === null}>
          {isPending ? "Splitting…" : "Split label"}
        </Button>
      </div>
    </form>
  );
}

function DeletePanel({ labels, dimensions, isPending, fieldErrors, target, run }: PanelProps) {
  const [labelId, setLabelId] = useState("");
  const [moveTo, setMoveTo] = useState("");
  const label = labels.find((candidate) => candidate.id === labelId);
  const siblings = label ? [label.dimension] : [];

  return (
    <form
      className="flex flex-col gap-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () =>
            deleteCodebookLabelAction({
              ...target,
              labelId,
              ...(moveTo ? { moveToLabelId: moveTo } : {}),
            }),
          "deleted",
          label?.usage ?? 0,
        );
      }}
    >
      <p className="text-sm text-stone-700">
        A label on highlights is only deleted together with where its highlights go.
      </p>
      <LabelSelect
        id="delete-label"
        label="Label to delete"
        value={labelId}
        dimensions={dimensions}
        onChange={(value) => {
          setLabelId(value);
          setMoveTo("");
        }}
        errors={fieldErrors.labelId}
      />
      {label && label.usage > 0 ? (
        <LabelSelect
          id="delete-move-to"
          label={`Move its ${highlights(label.usage)} to`}
          value={moveTo}
          dimensions={siblings}
          exclude={[label.id]}
          onChange={setMoveTo}
          errors={fieldErrors.moveToLabelId}
        />
      ) : null}
      {label ? (
        <p className="text-sm" data-testid="operation-summary">
          {label.usage > 0
            ? `Deletes “${label.name}” and moves its ${highlights(label.usage)}${moveTo ? ` to “${labels.find((candidate) => candidate.id === moveTo)?.name ?? ""}”` : " (choose where)"}.`
            : `Deletes “${label.name}”; no highlights carry it.`}
        </p>
      ) : null}
      <div>
        <Button type="submit" variant="danger" disabled={isPending || !label}>
          {isPending ? "Deleting…" : "Delete label"}
        </Button>
      </div>
    </form>
  );
}
