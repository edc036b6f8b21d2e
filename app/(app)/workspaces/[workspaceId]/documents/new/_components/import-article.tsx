"use client";

import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { requestJson } from "@/lib/client/request-json";
import { limits } from "@/lib/validations/limits";

import { CreateDocumentForm } from "./create-document-form";

type ImportPreview = {
  importId: string;
  article: {
    title: string;
    text: string;
    author: string;
    outlet: string;
    sourceUrl: string;
    publishedAt: string;
  };
};

type ImportArticleProps = { workspaceId: string; source: "file" | "url" };

// Step 1 reads a file or a web page on the server; step 2 is the ordinary article form,
// filled in with what was read, for the person to check and correct before saving.
export function ImportArticle({ workspaceId, source }: ImportArticleProps) {
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isReading, setIsReading] = useState(false);
  const inputId = `import-${source}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const form = new FormData(event.currentTarget);
    let body: unknown;

    if (source === "file") {
      const file = form.get("file");
      if (!(file instanceof File) || file.size === 0) {
        setError("Choose a .txt, .md or .html file.");
        return;
      }
      if (file.size > limits.importFileMaxBytes) {
        setError(
          `“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit for one article is ${limits.importFileMaxBytes / 1024 / 1024} MB.`,
        );
        return;
      }
      body = form;
    } else {
      body = { url: String(form.get("url") ?? "") };
    }

    setIsReading(true);
    const result = await requestJson<ImportPreview>(
      `/api/v1/workspaces/${workspaceId}/imports`,
      "POST",
      body,
    );
    setIsReading(false);

    if (!result.ok) {
      setError(result.message);
      return;
    }
    setPreview(result.data);
  }

  if (preview) {
    return (
      <div className="flex flex-col gap-3">
        <p role="status" className="rounded-md border border-sky-800 bg-sky-50 p-2 text-sm">
          Read “{preview.article.title}”. Check the text and details below, correct anything, then
          save.
        </p>
        <CreateDocumentForm
          workspaceId={workspaceId}
          importId={preview.importId}
          initialValues={{ ...preview.article, kind: "ARTICLE" }}
        />
        <div>
          <Button variant="secondary" onClick={() => setPreview(null)}>
            Start over
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      className="flex flex-col gap-4 rounded-lg border border-stone-300 bg-white p-6"
      noValidate
    >
      <div className="flex flex-col gap-1">
        <label htmlFor={inputId} className="text-sm font-medium">
          {source === "file" ? "File (.txt, .md or .html)" : "Web address of the article"}
        </label>
        <p id={`${inputId}-hint`} className="text-xs text-stone-600">
          {source === "file"
            ? "A saved web page or a text file. Page furniture (menus, share buttons) is removed; paragraphs are kept."
            : "Framewise fetches the page once, keeps its text and details, and never runs its scripts."}
        </p>
        {source === "file" ? (
          <input
            id={inputId}
            name="file"
            type="file"
            accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
            aria-describedby={`${inputId}-hint`}
            className="text-sm"
          />
        ) : (
          <input
            id={inputId}
            name="url"
            type="url"
            inputMode="url"
            placeholder="https://"
            aria-describedby={`${inputId}-hint`}
            className="rounded-md border border-stone-400 bg-white px-3 py-2 text-base"
          />
        )}
      </div>
      <FormMessage message={error ?? undefined} />
      <div>
        <Button type="submit" disabled={isReading}>
          {isReading ? "Reading…" : source === "file" ? "Read file" : "Fetch article"}
        </Button>
      </div>
    </form>
  );
}
