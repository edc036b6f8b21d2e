"use client";

import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { requestJson } from "@/lib/client/request-json";
import { exportFormats, type ExportFormatKey } from "@/lib/export/formats";
import { annotationOrigins, type AnnotationOrigin, type ReviewState } from "@/lib/export/types";
import type { ExportOptions } from "@/lib/server/export/get-export-options";
import type { SnapshotView } from "@/lib/server/export/snapshot-view";
import type { ExportPreview } from "@/lib/server/export/summarize-export";
import {
  createSnapshotSchema,
  exportLimits,
  exportRequestSchema,
  isDownloadFormat,
  toExportSearchParams,
  type ExportRequestInput,
} from "@/lib/validations/export";

export type ExportFormProps = {
  workspaceId: string;
  isOwner: boolean;
  codebooks: ExportOptions["codebooks"];
  collections: ExportOptions["collections"];
  documents: ExportOptions["documents"];
  members: ExportOptions["members"];
  onSnapshotCreated: (snapshot: SnapshotView) => void;
};

// What each format is for, in one sentence for the person choosing.
const formatPurposes: Record<ExportFormatKey, string> = {
  jsonl:
    "For training span models in spaCy or Prodigy, or reading in Python: one document per line with its text and spans.",
  csv: "For spreadsheets, pandas and R: one row per highlight and label.",
  "ptc-tsv":
    "For comparing with the SemEval-2020 propaganda corpus and its scorer: labelled spans only.",
  conll: "For token-classification models: one token per line, a BIO tag column per dimension.",
  w3c: "For other annotation tools and archives: the W3C Web Annotation standard.",
  parquet:
    "For the Hugging Face Hub and datasets.load_dataset: a Parquet table with a dataset card. Built as a snapshot only.",
  "claim-review":
    "For publishing fact-check verdicts as schema.org ClaimReview markup that search engines read.",
};

const originNames: Record<AnnotationOrigin, string> = {
  person: "Made by a person",
  suggestion: "Accepted suggestions",
};

const reviewStateNames: Record<ReviewState, string> = {
  gold: "Gold (in the agreed set)",
  accepted: "Accepted",
  edited: "Edited in review",
  rejected: "Rejected",
  pending: "Not reviewed yet",
};

type Scope = "all" | "collection" | "documents";
type FieldErrors = Record<string, string[]>;

export function ExportForm({
  workspaceId,
  isOwner,
  codebooks,
  collections,
  documents,
  members,
  onSnapshotCreated,
}: ExportFormProps) {
  const [format, setFormat] = useState<ExportFormatKey>("jsonl");
  const [scope, setScope] = useState<Scope>("all");
  const [collectionId, setCollectionId] = useState(collections[0]?.id ?? "");
  const [documentIds, setDocumentIds] = useState<string[]>([]);
  const [codebookId, setCodebookId] = useState(codebooks[0]?.id ?? "");
  const [dimensions, setDimensions] = useState<string[]>([]);
  const [annotatorIds, setAnnotatorIds] = useState<string[]>([]);
  const [origins, setOrigins] = useState<AnnotationOrigin[]>([]);
  const [reviewFilter, setReviewFilter] = useState<ReviewState[]>([]);
  const [createdFrom, setCreatedFrom] = useState("");
  const [createdTo, setCreatedTo] = useState("");
  const [includeComments, setIncludeComments] = useState(true);
  const [realNames, setRealNames] = useState(false);
  const [name, setName] = useState("");
  const [licence, setLicence] = useState("");
  const [consent, setConsent] = useState("");

  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [downloadMessage, setDownloadMessage] = useState<{
    text: string;
    tone: "info" | "error";
  } | null>(null);
  const [snapshotMessage, setSnapshotMessage] = useState<{
    text: string;
    tone: "info" | "error";
  } | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const codebook = codebooks.find((entry) => entry.id === codebookId) ?? codebooks[0];
  const isDownloadable = isDownloadFormat(format);

  function buildRequest(): ExportRequestInput {
    return {
      format,
      realNames: isOwner && realNames,
      filters: {
        documentIds: scope === "documents" ? documentIds : [],
        collectionId: scope === "collection" && collectionId ? collectionId : undefined,
        codebookId: codebook?.id,
        dimensions,
        annotatorIds,
        origins,
        reviewStates: reviewFilter,
        createdFrom: createdFrom || undefined,
        createdTo: createdTo || undefined,
        includeComments,
      },
    };
  }

  // The same schema as the server: problems show beside their fields before any request.
  function checkFilters(): boolean {
    const errors: FieldErrors = {};
    if (scope === "documents" && documentIds.length === 0) {
      errors.documentIds = ["Choose at least one document, or export every document."];
    }
    const result = exportRequestSchema.safeParse(buildRequest());
    if (!result.success) {
      for (const issue of result.error.issues) {
        const key = String(issue.path[issue.path.length - 1] ?? "form");
        (errors[key] ??= []).push(issue.message);
      }
    }
    setFieldErrors(errors);
    return Object.keys(errors).length === 0;
  }

  async function onDownload() {
    setDownloadMessage(null);
    setSnapshotMessage(null);
    if (!checkFilters()) {
      setDownloadMessage({ text: "Check the highlighted fields.", tone: "error" });
      return;
    }

    const query = toExportSearchParams(buildRequest()).toString();
    setIsBusy(true);
    const summary = await requestJson<{ summary: ExportPreview }>(
      `/api/v1/workspaces/${workspaceId}/exports/summary?${query}`,
      "GET",
    );
    setIsBusy(false);
    if (!summary.ok) {
      setDownloadMessage({ text: summary.message, tone: "error" });
      return;
    }

    const { rows, documents: documentCount, annotators, orphaned } = summary.data.summary;
    setDownloadMessage({
      tone: "info",
      text: `Downloading ${plural(rows, "row")} from ${plural(documentCount, "document")} by ${plural(annotators, "annotator")}${orphaned > 0 ? `; ${plural(orphaned, "orphaned highlight")} left out` : ""}.`,
    });
    // An attachment: the browser saves it and the page stays.
    const link = document.createElement("a");
    link.href = `/api/v1/workspaces/${workspaceId}/exports?${query}`;
    link.download = "";
    link.click();
  }

  async function onSaveSnapshot(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDownloadMessage(null);
    setSnapshotMessage(null);
    const filtersOk = checkFilters();
    const body = { ...buildRequest(), name, licence, consent };
    const result = createSnapshotSchema.safeParse(body);
    if (!result.success) {
      // Filter problems were reported by checkFilters; these are the snapshot's own fields.
      setFieldErrors((current) => {
        const errors = { ...current };
        for (const issue of result.error.issues) {
          const key = String(issue.path[0]);
          if (["name", "licence", "consent"].includes(key)) {
            (errors[key] ??= []).push(issue.message);
          }
        }
        return errors;
      });
    }
    if (!filtersOk || !result.success) {
      setSnapshotMessage({ text: "Check the highlighted fields.", tone: "error" });
      return;
    }

    setIsBusy(true);
    const response = await requestJson<{ snapshot: SnapshotView }>(
      `/api/v1/workspaces/${workspaceId}/snapshots`,
      "POST",
      body,
    );
    setIsBusy(false);
    if (!response.ok) {
      setSnapshotMessage({ text: response.message, tone: "error" });
      return;
    }
    onSnapshotCreated(response.data.snapshot);
    setSnapshotMessage({
      tone: "info",
      text: `Snapshot ${response.data.snapshot.number} is being written; it appears below when ready.`,
    });
  }

  return (
    <form
      onSubmit={(event) => void onSaveSnapshot(event)}
      noValidate
      aria-labelledby="export-heading"
      className="flex flex-col gap-6 rounded-lg border border-stone-300 bg-white p-6"
    >
      <h2 id="export-heading" className="text-lg font-semibold">
        Export annotations
      </h2>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">Format</legend>
        {exportFormats.map((entry) => (
          <div key={entry.key} className="flex items-start gap-2">
            <input
              type="radio"
              id={`format-${entry.key}`}
              name="format"
              value={entry.key}
              checked={format === entry.key}
              onChange={() => setFormat(entry.key)}
              aria-describedby={`format-${entry.key}-purpose`}
              className="mt-1"
            />
            <div className="flex flex-col">
              <label htmlFor={`format-${entry.key}`} className="text-sm font-medium">
                {entry.label}
              </label>
              <p id={`format-${entry.key}-purpose`} className="text-xs text-stone-600">
                {formatPurposes[entry.key]}
              </p>
            </div>
          </div>
        ))}
        <FieldError id="format" errors={fieldErrors.format} />
      </fieldset>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">Documents</legend>
        <ScopeOption value="all" scope={scope} onChange={setScope} label="Every document" />
        {collections.length > 0 ? (
          <div className="flex flex-wrap items-center gap-2">
            <ScopeOption
              value="collection"
              scope={scope}
              onChange={setScope}
              label="A collection"
            />
            <label htmlFor="export-collection" className="sr-only">
              Collection
            </label>
            <select
              id="export-collection"
              value={collectionId}
              onChange={(event) => {
                setCollectionId(event.target.value);
                setScope("collection");
              }}
              className="rounded-md border border-stone-400 bg-white px-2 py-1 text-sm"
            >
              {collections.map((collection) => (
                <option key={collection.id} value={collection.id}>
                  {collection.name} ({plural(collection.documents, "document")})
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {documents.length > 0 ? (
          <ScopeOption
            value="documents"
            scope={scope}
            onChange={setScope}
            label="Chosen documents"
          />
        ) : null}
        {scope === "documents" ? (
          <fieldset
            className="ml-6 flex max-h-56 flex-col gap-1 overflow-y-auto rounded-md border border-stone-300 p-2"
            aria-describedby="documentIds-error"
          >
            <legend className="sr-only">Documents to export</legend>
            {documents.map((entry) => (
              <CheckboxOption
                key={entry.id}
                id={`document-${entry.id}`}
                label={entry.outlet ? `${entry.title} (${entry.outlet})` : entry.title}
                checked={documentIds.includes(entry.id)}
                onChange={(checked) =>
                  setDocumentIds((current) => toggle(current, entry.id, checked))
                }
              />
            ))}
          </fieldset>
        ) : null}
        <FieldError id="documentIds" errors={fieldErrors.documentIds} />
        <FieldError id="collectionId" errors={fieldErrors.collectionId} />
      </fieldset>

      {codebook ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 font-medium">Codebook and dimensions</legend>
          {codebooks.length > 1 ? (
            <div className="flex flex-col gap-1">
              <label htmlFor="export-codebook" className="text-sm font-medium">
                Codebook
              </label>
              <select
                id="export-codebook"
                value={codebook.id}
                onChange={(event) => {
                  setCodebookId(event.target.value);
                  setDimensions([]);
                }}
                className="w-fit rounded-md border border-stone-400 bg-white px-2 py-1 text-sm"
              >
                {codebooks.map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {entry.name}, version {entry.version}
                    {entry.isDefault ? " (default)" : ""}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <p className="text-sm">
              Codebook: {codebook.name}, version {codebook.version}
            </p>
          )}
          <p id="dimensions-hint" className="text-xs text-stone-600">
            Leave every box empty to export all dimensions and notes without labels.
          </p>
          <div
            className="flex flex-wrap gap-x-4 gap-y-1"
            role="group"
            aria-describedby="dimensions-hint"
          >
            {codebook.dimensions.map((dimension) => (
              <CheckboxOption
                key={dimension.key}
                id={`dimension-${dimension.key}`}
                label={dimension.name}
                checked={dimensions.includes(dimension.key)}
                onChange={(checked) =>
                  setDimensions((current) => toggle(current, dimension.key, checked))
                }
              />
            ))}
          </div>
          <FieldError id="dimensions" errors={fieldErrors.dimensions} />
        </fieldset>
      ) : null}

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">Annotators</legend>
        <p id="annotators-hint" className="text-xs text-stone-600">
          Leave every box empty to export everyone&apos;s highlights.
        </p>
        <div
          className="flex flex-wrap gap-x-4 gap-y-1"
          role="group"
          aria-describedby="annotators-hint"
        >
          {members.map((member) => (
            <CheckboxOption
              key={member.id}
              id={`annotator-${member.id}`}
              label={member.name}
              checked={annotatorIds.includes(member.id)}
              onChange={(checked) =>
                setAnnotatorIds((current) => toggle(current, member.id, checked))
              }
            />
          ))}
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">Origin</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {annotationOrigins.map((origin) => (
            <CheckboxOption
              key={origin}
              id={`origin-${origin}`}
              label={originNames[origin]}
              checked={origins.includes(origin)}
              onChange={(checked) => setOrigins((current) => toggle(current, origin, checked))}
            />
          ))}
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">Review state</legend>
        <p id="review-hint" className="text-xs text-stone-600">
          Leave every box empty to export highlights whatever their review. For training data,
          choose Gold.
        </p>
        <div className="flex flex-wrap gap-x-4 gap-y-1" role="group" aria-describedby="review-hint">
          {(
            [
              "gold",
              "accepted",
              "edited",
              "rejected",
              "pending",
            ] as const satisfies readonly ReviewState[]
          ).map((state) => (
            <CheckboxOption
              key={state}
              id={`review-${state}`}
              label={reviewStateNames[state]}
              checked={reviewFilter.includes(state)}
              onChange={(checked) => setReviewFilter((current) => toggle(current, state, checked))}
            />
          ))}
        </div>
      </fieldset>

      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 font-medium">Highlights created (UTC, inclusive)</legend>
        <TextField
          id="createdFrom"
          label="From"
          type="date"
          value={createdFrom}
          onChange={(event) => setCreatedFrom(event.target.value)}
          errors={fieldErrors.createdFrom}
        />
        <TextField
          id="createdTo"
          label="To"
          type="date"
          value={createdTo}
          onChange={(event) => setCreatedTo(event.target.value)}
          errors={fieldErrors.createdTo}
        />
      </fieldset>

      <CheckboxOption
        id="include-comments"
        label="Include annotators' comments"
        checked={includeComments}
        onChange={setIncludeComments}
      />

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">Annotator names</legend>
        {isOwner ? (
          <>
            <div className="flex items-center gap-2">
              <input
                type="radio"
                id="names-pseudonyms"
                name="names"
                checked={!realNames}
                onChange={() => setRealNames(false)}
              />
              <label htmlFor="names-pseudonyms" className="text-sm">
                Pseudonyms (annotator-… , the same for each person in every export of this
                workspace)
              </label>
            </div>
            <div className="flex items-center gap-2">
              <input
                type="radio"
                id="names-real"
                name="names"
                checked={realNames}
                onChange={() => setRealNames(true)}
              />
              <label htmlFor="names-real" className="text-sm">
                Real names (recorded in the audit log and the snapshot&apos;s datasheet)
              </label>
            </div>
          </>
        ) : (
          <p className="text-sm text-stone-700">
            Annotators appear as stable pseudonyms (annotator-…). Only the workspace owner can
            export real names.
          </p>
        )}
      </fieldset>

      <section
        aria-labelledby="download-heading"
        className="flex flex-col gap-2 border-t border-stone-200 pt-4"
      >
        <h3 id="download-heading" className="font-semibold">
          Download now
        </h3>
        {isDownloadable ? (
          <>
            <p className="text-sm text-stone-700">
              The file is written as it downloads, from the annotations as they are now.
            </p>
            <div>
              <Button type="button" onClick={() => void onDownload()} disabled={isBusy}>
                Download now
              </Button>
            </div>
          </>
        ) : (
          <p className="text-sm text-stone-700">
            Parquet is built as a whole file, so it is saved as a snapshot: use “Save as snapshot”
            below.
          </p>
        )}
        <FormMessage message={downloadMessage?.text} tone={downloadMessage?.tone ?? "error"} />
      </section>

      <section
        aria-labelledby="snapshot-heading"
        className="flex flex-col gap-3 border-t border-stone-200 pt-4"
      >
        <h3 id="snapshot-heading" className="font-semibold">
          Save as snapshot
        </h3>
        <p className="text-sm text-stone-700">
          A numbered archive with the file, a datasheet (README.md) and the codebook. Its bytes and
          checksum never change, so a paper or report can cite it.
        </p>
        <TextField
          id="name"
          label="Snapshot name"
          value={name}
          maxLength={exportLimits.snapshotNameMax}
          onChange={(event) => setName(event.target.value)}
          errors={fieldErrors.name}
          required
        />
        <TextField
          id="licence"
          label="Licence"
          hint="For example CC BY 4.0. Written into the datasheet."
          value={licence}
          maxLength={exportLimits.licenceMax}
          onChange={(event) => setLicence(event.target.value)}
          errors={fieldErrors.licence}
        />
        <TextAreaField
          id="consent"
          label="Consent"
          hint="How annotators and sources agreed to this use. Written into the datasheet."
          rows={3}
          value={consent}
          maxLength={exportLimits.consentMax}
          onChange={(event) => setConsent(event.target.value)}
          errors={fieldErrors.consent}
        />
        <div>
          <Button type="submit" variant="secondary" disabled={isBusy}>
            Save as snapshot
          </Button>
        </div>
        <FormMessage message={snapshotMessage?.text} tone={snapshotMessage?.tone ?? "error"} />
      </section>
    </form>
  );
}

function ScopeOption({
  value,
  scope,
  onChange,
  label,
}: {
  value: Scope;
  scope: Scope;
  onChange: (scope: Scope) => void;
  label: string;
}) {
  return (
    <div className="flex items-center gap-2">
      <input
        type="radio"
        id={`scope-${value}`}
        name="scope"
        checked={scope === value}
        onChange={() => onChange(value)}
      />
      <label htmlFor={`scope-${value}`} className="text-sm">
        {label}
      </label>
    </div>
  );
}

function CheckboxOption({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="flex items-center gap-2">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id} className="text-sm">
        {label}
      </label>
    </div>
  );
}

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <div id={`${id}-error`} aria-live="polite" className="text-sm text-red-800">
      {errors?.map((error) => (
        <p key={error}>{error}</p>
      ))}
    </div>
  );
}

function toggle<T>(values: T[], value: T, isOn: boolean): T[] {
  return isOn
    ? [...values.filter((entry) => entry !== value), value]
    : values.filter((entry) => entry !== value);
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString("en")} ${noun}${count === 1 ? "" : "s"}`;
}
