"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition, type KeyboardEvent } from "react";

import { CodebookPreview } from "@/components/codebook/codebook-preview";
import { ProblemList } from "@/components/codebook/problem-list";
import { SafeMarkdown } from "@/components/codebook/safe-markdown";
import { toPreviewCodebook } from "@/components/codebook/to-preview-codebook";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { updateCodebookAction } from "@/lib/actions/update-codebook";
import {
  fieldErrorsToProblems,
  validateCodebookFile,
  type ProblemEntry,
} from "@/lib/validations/codebook";

import { DimensionEditor } from "./dimension-editor";
import {
  move,
  newDimension,
  toCodebookFileJson,
  type EditorDimension,
  type EditorState,
} from "./editor-state";
import { fieldIdFor, groupProblems } from "./field-errors";

type CodebookEditorProps = {
  workspaceId: string;
  codebook: {
    id: string;
    key: string;
    version: number;
    status: "DRAFT" | "PUBLISHED";
    updatedAt: string;
  };
  initial: EditorState;
};

const previewQuote = "The passage an annotator selected appears here.";

function focusField(id: string) {
  const element = document.getElementById(id);
  element?.closest("details")?.setAttribute("open", "");
  element?.focus();
}

export function CodebookEditor({ workspaceId, codebook, initial }: CodebookEditorProps) {
  const router = useRouter();
  const [state, setState] = useState<EditorState>(initial);
  const [hasTriedSave, setHasTriedSave] = useState(false);
  const [serverMessage, setServerMessage] = useState<string | null>(null);
  const [serverProblems, setServerProblems] = useState<ProblemEntry[]>([]);
  const [status, setStatus] = useState("");
  const [showGuidelinesPreview, setShowGuidelinesPreview] = useState(false);
  // A field to focus once the next render is on screen (after a move or an addition).
  const pendingFocus = useRef<string | null>(null);
  const [isPending, startTransition] = useTransition();

  const file = useMemo(() => toCodebookFileJson(state, codebook.key), [state, codebook.key]);
  const validation = useMemo(() => validateCodebookFile(file), [file]);
  const problems = useMemo(
    () => (hasTriedSave && !validation.ok ? validation.problems : []),
    [hasTriedSave, validation],
  );
  const errorsAt = useMemo(() => groupProblems(problems), [problems]);
  const preview = useMemo(
    () =>
      toPreviewCodebook({
        id: codebook.id,
        workspaceId,
        name: state.name,
        version: codebook.version,
        dimensions: state.dimensions.map((dimension) => ({
          ...dimension,
          labels: dimension.labels.map((label) => ({
            uid: label.uid,
            id: label.id,
            key: label.key,
            name: label.name,
            description: label.description,
            color: label.color,
            examples: label.examples.split("\n"),
          })),
        })),
      }),
    [state, codebook.id, codebook.version, workspaceId],
  );

  // After a move or an addition, keep the keyboard where the person is working.
  useEffect(() => {
    const id = pendingFocus.current;
    if (id) {
      pendingFocus.current = null;
      focusField(id);
    }
  });

  function setFocusId(id: string) {
    pendingFocus.current = id;
  }

  function update(change: Partial<EditorState>) {
    setState((current) => ({ ...current, ...change }));
  }

  function updateDimension(uid: string, change: (dimension: EditorDimension) => EditorDimension) {
    setState((current) => ({
      ...current,
      dimensions: current.dimensions.map((dimension) =>
        dimension.uid === uid ? change(dimension) : dimension,
      ),
    }));
  }

  function moveDimension(index: number, to: number, focus: string) {
    setState((current) => ({ ...current, dimensions: move(current.dimensions, index, to) }));
    setFocusId(focus);
  }

  function removeDimension(index: number) {
    const dimension = state.dimensions[index];
    const used = dimension?.labels.reduce((sum, label) => sum + label.usage, 0) ?? 0;
    setState((current) => ({
      ...current,
      dimensions: current.dimensions.filter((_, position) => position !== index),
    }));
    setStatus(
      `Removed the dimension “${dimension?.name ?? ""}”.${used > 0 ? ` Its labels are on ${used} highlights: publishing will ask where they go.` : ""}`,
    );
    setFocusId("add-dimension");
  }

  function addDimension() {
    const dimension = newDimension(state.dimensions.length);
    setState((current) => ({ ...current, dimensions: [...current.dimensions, dimension] }));
    setFocusId(`${dimension.uid}-name`);
  }

  function focusProblem(path: (string | number)[]) {
    focusField(fieldIdFor(state, path));
  }

  function save() {
    setHasTriedSave(true);
    setServerMessage(null);
    setServerProblems([]);
    if (!validation.ok) {
      setStatus("");
      const first = validation.problems[0];
      if (first) {
        focusProblem(first.path);
      }
      return;
    }

    startTransition(async () => {
      const result = await updateCodebookAction({
        codebookId: codebook.id,
        expectedUpdatedAt: codebook.updatedAt,
        codebook: file,
      });
      if (!result.ok) {
        setServerMessage(result.message);
        setServerProblems(fieldErrorsToProblems(result.fieldErrors));
        return;
      }
      const base = `/workspaces/${workspaceId}/codebooks/${result.data.id}`;
      router.push(result.data.isNewVersion ? `${base}?done=saved` : `${base}/edit?saved=1`);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
      event.preventDefault();
      save();
    }
  }

  const problemCount = problems.length;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_28rem]">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
        onKeyDown={onKeyDown}
        aria-label={`Edit ${state.name || "codebook"}`}
        className="flex min-w-0 flex-col gap-5"
      >
        <p className="rounded-md border border-stone-300 bg-white p-3 text-sm text-stone-800">
          {codebook.status === "PUBLISHED"
            ? `You are editing published version ${codebook.version}. Saving creates version ${codebook.version + 1} as a draft; annotators keep version ${codebook.version} until you publish the draft.`
            : `You are editing draft version ${codebook.version}. Annotators will see it once you publish it.`}{" "}
          Save with the button or Ctrl+S.
        </p>

        {problemCount > 0 ? (
          <div
            role="alert"
            className="flex flex-col gap-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900"
            data-testid="codebook-problems"
          >
            <p className="font-semibold">
              Fix {problemCount === 1 ? "this problem" : `these ${problemCount} problems`} to save:
            </p>
            <ul className="flex list-disc flex-col gap-1 pl-5">
              {problems.map((problem, index) => (
                <li key={`${problem.location}-${index}`}>
                  <button
                    type="button"
                    className="text-left underline"
                    onClick={() => focusProblem(problem.path)}
                  >
                    <code>{problem.location}</code>
                  </button>{" "}
                  {problem.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {serverProblems.length > 0 ? (
          <ProblemList
            problems={serverProblems}
            heading={serverMessage ?? "The codebook was not saved."}
          />
        ) : (
          <FormMessage message={serverMessage} />
        )}

        <fieldset disabled={isPending} className="flex min-w-0 flex-col gap-5">
          <section
            aria-labelledby="codebook-fields-heading"
            className="flex flex-col gap-3 rounded-lg border border-stone-300 bg-white p-4"
          >
            <h2 id="codebook-fields-heading" className="text-lg font-semibold">
              About this codebook
            </h2>
            <TextField
              id="codebook-name"
              label="Name"
              value={state.name}
              onChange={(event) => update({ name: event.target.value })}
              errors={errorsAt("name")}
            />
            <p className="text-sm text-stone-700">
              Key: <code>{codebook.key}</code> (stays the same in every version)
            </p>
            <TextAreaField
              id="codebook-description"
              label="Description"
              rows={2}
              value={state.description}
              onChange={(event) => update({ description: event.target.value })}
              errors={errorsAt("description")}
            />
            <TextAreaField
              id="codebook-source"
              label="Source (citation)"
              rows={2}
              value={state.source}
              onChange={(event) => update({ source: event.target.value })}
              errors={errorsAt("source")}
            />
            <TextAreaField
              id="codebook-licence"
              label="Licence"
              rows={2}
              value={state.licence}
              onChange={(event) => update({ licence: event.target.value })}
              errors={errorsAt("licence")}
            />
            <TextAreaField
              id="codebook-guidelines"
              label="Guidelines (Markdown)"
              hint="Shown on the codebook's page. Headings, lists, links and emphasis; HTML is not rendered and images are shown as links."
              rows={8}
              value={state.guidelines}
              onChange={(event) => update({ guidelines: event.target.value })}
              errors={errorsAt("guidelines")}
            />
            <div className="flex flex-col gap-2">
              <Button
                variant="ghost"
                className="self-start"
                aria-expanded={showGuidelinesPreview}
                aria-controls="guidelines-preview"
                onClick={() => setShowGuidelinesPreview((shown) => !shown)}
              >
                {showGuidelinesPreview ? "Hide the guidelines preview" : "Preview the guidelines"}
              </Button>
              {showGuidelinesPreview ? (
                <div
                  id="guidelines-preview"
                  className="rounded-md border border-stone-300 p-3"
                  data-testid="guidelines-preview"
                >
                  {state.guidelines.trim() ? (
                    <SafeMarkdown>{state.guidelines}</SafeMarkdown>
                  ) : (
                    <p className="text-stone-700">No guidelines yet.</p>
                  )}
                </div>
              ) : null}
            </div>
          </section>

          {state.dimensions.map((dimension, index) => (
            <DimensionEditor
              key={dimension.uid}
              dimension={dimension}
              index={index}
              count={state.dimensions.length}
              errorsAt={errorsAt}
              onChange={(change) => updateDimension(dimension.uid, change)}
              onMove={(to, focus) => moveDimension(index, to, focus)}
              onRemove={() => removeDimension(index)}
              onStatus={setStatus}
              onFocus={setFocusId}
            />
          ))}

          <div className="flex flex-col gap-1">
            <Button
              id="add-dimension"
              variant="secondary"
              className="self-start"
              onClick={addDimension}
            >
              Add a dimension
            </Button>
            {errorsAt("dimensions")?.length && !errorsAt("dimensions[0]") ? (
              <p className="text-sm text-red-800">{errorsAt("dimensions")?.join(" ")}</p>
            ) : null}
          </div>
        </fieldset>

        <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-stone-300 bg-stone-50 py-3">
          <Button type="submit" disabled={isPending}>
            {isPending
              ? "Saving…"
              : codebook.status === "PUBLISHED"
                ? `Save as version ${codebook.version + 1} (draft)`
                : "Save draft"}
          </Button>
          <Link
            href={`/workspaces/${workspaceId}/codebooks/${codebook.id}`}
            className="text-sm text-sky-800 underline"
          >
            Leave without saving
          </Link>
          <p role="status" aria-live="polite" className="text-sm text-stone-700">
            {status}
          </p>
        </div>
      </form>
      <div className="lg:sticky lg:top-4 lg:self-start">
        <CodebookPreview codebook={preview} quote={previewQuote} />
      </div>
    </div>
  );
}
