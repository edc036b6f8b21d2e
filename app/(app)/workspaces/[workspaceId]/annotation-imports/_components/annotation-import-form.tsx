"use client";

import Link from "next/link";
import { useRef, useState, type FormEvent, type ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { uploadForm } from "@/lib/client/upload-form";
import type {
  AnnotationImportReport,
  ImportReportRow,
} from "@/lib/import/annotations/import-report";
import { limits } from "@/lib/validations/limits";

type CodebookOption = { id: string; name: string; version: number; isDefault: boolean };

type AnnotationImportFormProps = { workspaceId: string; codebooks: CodebookOption[] };

const statusNames: Record<ImportReportRow["status"], string> = {
  create: "Would be created",
  created: "Created",
  duplicate: "Duplicate",
  "document-not-found": "Document not found",
  "unknown-codebook": "Unknown codebook",
  "unknown-label": "Unknown label",
  "offsets-mismatch": "Offsets do not match",
  invalid: "Cannot be read",
};

// Rows shown in the table; the counts above it cover the whole file.
const shownRowsMax = 500;

// Check first (a dry run: nothing is written), then import what the check reported. The
// file is sent again for the import, and checked again on the server under a lock.
export function AnnotationImportForm({ workspaceId, codebooks }: AnnotationImportFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [report, setReport] = useState<AnnotationImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"check" | "import" | null>(null);
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);

  async function send(dryRun: boolean) {
    const form = formRef.current;
    if (!form) {
      return;
    }
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setError("Choose a JSONL or W3C JSON-LD file of annotations.");
      return;
    }
    if (file.size > limits.annotationImportMaxBytes) {
      setError(
        `“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${limits.annotationImportMaxBytes / 1024 / 1024} MB. Split it into smaller files.`,
      );
      return;
    }
    if (data.get("codebookId") === "") {
      data.delete("codebookId");
    }
    data.set("dryRun", dryRun ? "true" : "false");

    setError(null);
    setBusy(dryRun ? "check" : "import");
    setProgress({ loaded: 0, total: file.size });
    const result = await uploadForm<AnnotationImportReport>(
      `/api/v1/workspaces/${workspaceId}/annotation-imports`,
      data,
      (loaded, total) => setProgress({ loaded, total }),
    );
    setBusy(null);
    setProgress(null);

    if (!result.ok) {
      setError(result.message);
      const refused = result.details?.report as AnnotationImportReport | undefined;
      if (refused) {
        setReport(refused);
      }
      return;
    }
    setReport(result.data);
  }

  function onCheck(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void send(true);
  }

  const counts = report?.counts;
  const canImport =
    report !== null &&
    report.dryRun &&
    (counts?.create ?? 0) > 0 &&
    (report.mode === "row-level" || (counts?.problems ?? 0) === 0);

  return (
    <div className="flex flex-col gap-4 rounded-lg border border-stone-300 bg-white p-6">
      <form ref={formRef} onSubmit={onCheck} className="flex flex-col gap-4" noValidate>
        <div className="flex flex-col gap-1">
          <label htmlFor="annotation-file" className="text-sm font-medium">
            File of annotations
          </label>
          <p id="annotation-file-hint" className="text-xs text-stone-600">
            JSONL as Framewise exports it (one document per line, spans with dimension and label) or
            W3C Web Annotation JSON-LD. Highlights go into documents already in this workspace,
            matched by document id, else by identical text, else by identical title. Up to{" "}
            {limits.annotationImportMaxBytes / 1024 / 1024} MB.
          </p>
          <input
            id="annotation-file"
            name="file"
            type="file"
            accept=".jsonl,.ndjson,.json,.jsonld,application/json,application/ld+json"
            aria-describedby="annotation-file-hint"
            className="text-sm"
            onChange={() => setReport(null)}
          />
        </div>

        <div className="flex flex-wrap gap-6">
          <div className="flex flex-col gap-1">
            <label htmlFor="annotation-format" className="text-sm font-medium">
              Format
            </label>
            <select
              id="annotation-format"
              name="format"
              defaultValue="auto"
              className="rounded-md border border-stone-400 px-2 py-1 text-sm"
              onChange={() => setReport(null)}
            >
              <option value="auto">Detect from the file</option>
              <option value="jsonl">JSONL (spaCy / Prodigy style)</option>
              <option value="w3c">W3C Web Annotation JSON-LD</option>
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="annotation-codebook" className="text-sm font-medium">
              Codebook for labels
            </label>
            <select
              id="annotation-codebook"
              name="codebookId"
              defaultValue=""
              aria-describedby="annotation-codebook-hint"
              className="rounded-md border border-stone-400 px-2 py-1 text-sm"
              onChange={() => setReport(null)}
            >
              <option value="">The workspace’s default</option>
              {codebooks.map((codebook) => (
                <option key={codebook.id} value={codebook.id}>
                  {codebook.name} (version {codebook.version})
                  {codebook.isDefault ? ", default" : ""}
                </option>
              ))}
            </select>
            <p id="annotation-codebook-hint" className="text-xs text-stone-600">
              Used when the file does not name a codebook version.
            </p>
          </div>
        </div>

        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium">If some rows have problems</legend>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="mode"
              value="all-or-nothing"
              defaultChecked
              onChange={() => setReport(null)}
            />
            Import nothing (all or nothing)
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="mode" value="row-level" onChange={() => setReport(null)} />
            Import the good rows and list the rest (row-level)
          </label>
        </fieldset>

        <FormMessage message={error} />
        <div>
          <Button type="submit" variant={report ? "secondary" : "primary"} disabled={busy !== null}>
            Check file
          </Button>
        </div>
      </form>

      {progress ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="annotation-progress" className="text-sm">
            {progress.loaded < progress.total
              ? `Uploading: ${Math.round((progress.loaded / Math.max(progress.total, 1)) * 100)}%`
              : busy === "check"
                ? "Checking every highlight…"
                : "Importing…"}
          </label>
          <progress
            id="annotation-progress"
            max={progress.total}
            value={progress.loaded < progress.total ? progress.loaded : undefined}
            className="w-full"
          />
        </div>
      ) : null}

      {report ? (
        <ImportReport
          report={report}
          workspaceId={workspaceId}
          action={
            canImport ? (
              <Button onClick={() => void send(false)} disabled={busy !== null}>
                Import {report.counts.create} highlight{report.counts.create === 1 ? "" : "s"}
              </Button>
            ) : null
          }
        />
      ) : null}
    </div>
  );
}

type ImportReportProps = {
  report: AnnotationImportReport;
  workspaceId: string;
  action: ReactNode;
};

function ImportReport({ report, workspaceId, action }: ImportReportProps) {
  const { counts } = report;
  const conflicts = counts.duplicate + counts.problems;
  const heading = report.dryRun
    ? `Check of “${report.fileName}”: ${counts.create} to create, ${conflicts} conflict${conflicts === 1 ? "" : "s"}`
    : report.applied
      ? `Imported ${counts.created} highlight${counts.created === 1 ? "" : "s"} from “${report.fileName}”`
      : `Nothing was imported from “${report.fileName}”`;
  // Problems first, then duplicates, then the rest, each in file order.
  const order = (row: ImportReportRow) =>
    row.status === "create" || row.status === "created" ? 2 : row.status === "duplicate" ? 1 : 0;
  const rows = [...report.rows].sort((a, b) => order(a) - order(b) || a.line - b.line);
  const shown = rows.slice(0, shownRowsMax);

  return (
    <section aria-labelledby="annotation-report-heading" className="flex flex-col gap-3">
      <div role="status">
        <h2 id="annotation-report-heading" className="font-semibold">
          {heading}
        </h2>
        <p className="text-sm text-stone-700">
          {report.format === "jsonl" ? "JSONL" : "W3C JSON-LD"}, {counts.total} highlight
          {counts.total === 1 ? "" : "s"} in the file: {counts.duplicate} already in the workspace
          (skipped), {counts.problems} with problems.
          {report.dryRun && report.mode === "all-or-nothing" && counts.problems > 0
            ? " Nothing can be imported until they are fixed, or choose row-level import."
            : ""}
        </p>
      </div>
      {action ? <div>{action}</div> : null}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Every highlight of the file and what importing does</caption>
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="py-1 pr-3">
                Line
              </th>
              <th scope="col" className="py-1 pr-3">
                Document
              </th>
              <th scope="col" className="py-1 pr-3">
                Highlight
              </th>
              <th scope="col" className="py-1 pr-3">
                Labels
              </th>
              <th scope="col" className="py-1 pr-3">
                Annotator
              </th>
              <th scope="col" className="py-1">
                Result
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row, index) => {
              const isProblem = order(row) === 0;
              return (
                <tr
                  key={`${row.where}-${index}`}
                  className={`border-b border-stone-200 align-top ${isProblem ? "text-red-800" : ""}`}
                >
                  <td className="py-1 pr-3 tabular-nums">{row.line}</td>
                  <td className="py-1 pr-3">
                    {row.document ? (
                      <Link
                        href={`/workspaces/${workspaceId}/documents/${row.document.id}`}
                        className="text-sky-800 underline"
                      >
                        {row.document.title}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="py-1 pr-3">
                    {row.quote !== null ? (
                      <>
                        “{row.quote.length > 80 ? `${row.quote.slice(0, 80)}…` : row.quote}”{" "}
                        <span className="text-xs text-stone-600 tabular-nums">
                          {row.start}–{row.end}
                        </span>
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="py-1 pr-3">{row.labels.join(", ") || "(note)"}</td>
                  <td className="py-1 pr-3">{row.annotator ?? "you"}</td>
                  <td className="py-1">
                    <span className="font-medium">{statusNames[row.status]}</span>
                    {row.status === "create" || row.status === "created"
                      ? row.reanchored
                        ? `: ${row.message}`
                        : ""
                      : `: ${row.message}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length > shown.length ? (
        <p className="text-sm text-stone-700">
          Showing the first {shown.length} of {rows.length} rows (problems first).
        </p>
      ) : null}
    </section>
  );
}
