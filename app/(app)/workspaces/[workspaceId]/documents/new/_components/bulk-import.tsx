"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { requestJson } from "@/lib/client/request-json";
import { limits } from "@/lib/validations/limits";

type PreviewRow = { line: number; entry?: string; input?: Record<string, unknown>; error?: string };
type Preview = { format: "jsonl" | "csv" | "zip"; rows: PreviewRow[] };
type BatchResult =
  { index: number; ok: true; id: string } | { index: number; ok: false; message: string };
// `place`: "Line 3" for JSONL and CSV, the file's path for a zip entry.
type RowOutcome = {
  line: number;
  place: string;
  title: string;
  ok: boolean;
  message: string;
  id?: string;
};

function placeOf(row: PreviewRow): string {
  return row.entry ?? `Line ${row.line}`;
}

type BulkImportProps = { workspaceId: string };

// Check first (nothing is written), then save the valid rows in batches with a progress
// bar, then a report of every row: what was saved and why the rest was not.
export function BulkImport({ workspaceId }: BulkImportProps) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcomes, setOutcomes] = useState<RowOutcome[] | null>(null);

  async function onCheck(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setOutcomes(null);
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setError("Choose a JSONL, CSV or zip file.");
      return;
    }
    const maxBytes = Math.max(limits.bulkFileMaxBytes, limits.zipFileMaxBytes);
    if (file.size > maxBytes) {
      setError(
        `“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${maxBytes / 1024 / 1024} MB. Split it into smaller files.`,
      );
      return;
    }

    setIsBusy(true);
    const result = await requestJson<Preview>(
      `/api/v1/workspaces/${workspaceId}/imports/bulk-preview`,
      "POST",
      form,
    );
    setIsBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setPreview(result.data);
  }

  async function onImport() {
    if (!preview) {
      return;
    }
    const valid = preview.rows.filter((row) => row.input);
    const results: RowOutcome[] = preview.rows
      .filter((row) => row.error)
      .map((row) => ({
        line: row.line,
        place: placeOf(row),
        title: "",
        ok: false,
        message: row.error ?? "",
      }));

    setIsBusy(true);
    setProgress({ done: 0, total: valid.length });
    for (let offset = 0; offset < valid.length; offset += limits.bulkBatchMax) {
      const batch = valid.slice(offset, offset + limits.bulkBatchMax);
      const response = await requestJson<{ results: BatchResult[] }>(
        `/api/v1/workspaces/${workspaceId}/documents`,
        "POST",
        { documents: batch.map((row) => row.input) },
      );
      batch.forEach((row, index) => {
        const title = String(row.input?.title ?? "");
        const place = placeOf(row);
        if (!response.ok) {
          results.push({ line: row.line, place, title, ok: false, message: response.message });
          return;
        }
        const outcome = response.data.results.find((item) => item.index === index);
        results.push(
          outcome?.ok
            ? { line: row.line, place, title, ok: true, message: "Saved", id: outcome.id }
            : {
                line: row.line,
                place,
                title,
                ok: false,
                message: outcome?.message ?? "Not saved.",
              },
        );
      });
      setProgress({ done: Math.min(offset + batch.length, valid.length), total: valid.length });
    }
    setIsBusy(false);
    setOutcomes(results.sort((a, b) => a.line - b.line));
    setPreview(null);
  }

  const validCount = preview?.rows.filter((row) => row.input).length ?? 0;
  const problems = preview?.rows.filter((row) => row.error) ?? [];
  const savedCount = outcomes?.filter((outcome) => outcome.ok).length ?? 0;

  return (
    <div className="flex flex-col gap-4 rounded-lg border border-stone-300 bg-white p-6">
      <form onSubmit={(event) => void onCheck(event)} className="flex flex-col gap-3" noValidate>
        <div className="flex flex-col gap-1">
          <label htmlFor="bulk-file" className="text-sm font-medium">
            File of articles (JSONL, CSV or zip)
          </label>
          <p id="bulk-file-hint" className="text-xs text-stone-600">
            One article per line (JSONL) or row (CSV) with the fields title and text, and optionally
            url, outlet, author and published_at; or a zip of .txt, .md and .html files, one article
            each. Up to 1,000 articles.
          </p>
          <input
            id="bulk-file"
            name="file"
            type="file"
            accept=".jsonl,.ndjson,.csv,.tsv,.zip,application/json,text/csv,application/zip"
            aria-describedby="bulk-file-hint"
            className="text-sm"
          />
        </div>
        <FormMessage message={error ?? undefined} />
        <div>
          <Button type="submit" variant={preview ? "secondary" : "primary"} disabled={isBusy}>
            Check file
          </Button>
        </div>
      </form>

      {preview ? (
        <section aria-labelledby="bulk-check-heading" className="flex flex-col gap-2">
          <h2 id="bulk-check-heading" className="font-semibold">
            {validCount} of {preview.rows.length} {preview.format === "zip" ? "files" : "rows"}{" "}
            ready to import
          </h2>
          {problems.length > 0 ? (
            <ul
              className="flex flex-col gap-1 text-sm text-red-800"
              aria-label="Rows with problems"
            >
              {problems.map((row) => (
                <li key={row.line}>
                  {placeOf(row)}: {row.error}
                </li>
              ))}
            </ul>
          ) : null}
          <div>
            <Button onClick={() => void onImport()} disabled={isBusy || validCount === 0}>
              Import {validCount} article{validCount === 1 ? "" : "s"}
            </Button>
          </div>
        </section>
      ) : null}

      {progress ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="bulk-progress" className="text-sm">
            Saved {progress.done} of {progress.total}
          </label>
          <progress
            id="bulk-progress"
            max={progress.total}
            value={progress.done}
            className="w-full"
          />
        </div>
      ) : null}

      {outcomes ? (
        <section aria-labelledby="bulk-report-heading" className="flex flex-col gap-2">
          <div role="status">
            <h2 id="bulk-report-heading" className="font-semibold">
              Imported {savedCount} of {outcomes.length} rows
            </h2>
          </div>
          <table className="w-full text-left text-sm" aria-label="Import report">
            <thead>
              <tr>
                <th scope="col">Line or file</th>
                <th scope="col">Title</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {outcomes.map((outcome) => (
                <tr key={outcome.line} className={outcome.ok ? "" : "text-red-800"}>
                  <td className="tabular-nums">{outcome.place}</td>
                  <td>
                    {outcome.id ? (
                      <Link
                        href={`/workspaces/${workspaceId}/documents/${outcome.id}`}
                        className="text-sky-800 underline"
                      >
                        {outcome.title}
                      </Link>
                    ) : (
                      outcome.title
                    )}
                  </td>
                  <td>{outcome.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
