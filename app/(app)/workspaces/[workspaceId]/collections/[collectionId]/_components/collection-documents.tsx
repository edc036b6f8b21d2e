"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { requestJson } from "@/lib/client/request-json";
import { addCollectionDocumentSchema } from "@/lib/validations/collection";

type CollectionDocumentsProps = {
  workspaceId: string;
  collectionId: string;
  documents: { id: string; title: string; outlet: string | null; publishedAt: string | null }[];
  available: { id: string; title: string; outlet: string | null }[];
  canManage: boolean;
};

// The articles in the collection; editors add and remove them here.
export function CollectionDocuments({
  workspaceId,
  collectionId,
  documents,
  available,
  canManage,
}: CollectionDocumentsProps) {
  const router = useRouter();
  const selectId = useId();
  const [choice, setChoice] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [isDeleting, setIsDeleting] = useState(false);

  async function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setStatus(null);
    const parsed = addCollectionDocumentSchema.safeParse({ documentId: choice });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Choose a document to add.");
      return;
    }
    setBusy("add");
    const result = await requestJson<{ document: { title: string } }>(
      `/api/v1/collections/${collectionId}/documents`,
      "POST",
      parsed.data,
    );
    setBusy(null);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setChoice("");
    setStatus(`Added “${result.data.document.title}”.`);
    router.refresh();
  }

  async function onRemove(document: { id: string; title: string }) {
    setError(null);
    setStatus(null);
    setBusy(document.id);
    const result = await requestJson<null>(
      `/api/v1/collections/${collectionId}/documents/${document.id}`,
      "DELETE",
    );
    setBusy(null);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setStatus(`Removed “${document.title}” from the collection (the document itself stays).`);
    router.refresh();
  }

  async function onDelete() {
    setError(null);
    setBusy("delete");
    const result = await requestJson<null>(`/api/v1/collections/${collectionId}`, "DELETE");
    setBusy(null);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    router.push(`/workspaces/${workspaceId}/collections`);
  }

  return (
    <section aria-labelledby="collection-documents-heading" className="flex flex-col gap-3">
      <h2 id="collection-documents-heading" className="text-xl font-semibold">
        Documents ({documents.length})
      </h2>
      {documents.length === 0 ? (
        <p className="text-stone-700">No documents in this collection yet.</p>
      ) : (
        <ol className="flex flex-col gap-2" data-testid="collection-documents">
          {documents.map((document, index) => (
            <li
              key={document.id}
              className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-stone-300 bg-white p-3"
            >
              <span>
                <span className="text-stone-600">d{index + 1} · </span>
                <Link
                  href={`/workspaces/${workspaceId}/documents/${document.id}`}
                  className="font-medium text-sky-800 underline"
                >
                  {document.title}
                </Link>
                <span className="text-sm text-stone-600">
                  {[document.outlet, document.publishedAt].filter(Boolean).length > 0
                    ? ` · ${[document.outlet, document.publishedAt].filter(Boolean).join(" · ")}`
                    : ""}
                </span>
              </span>
              {canManage ? (
                <Button
                  variant="secondary"
                  disabled={busy !== null}
                  aria-label={`Remove “${document.title}” from the collection`}
                  onClick={() => void onRemove(document)}
                >
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {canManage ? (
        <form
          onSubmit={(event) => void onAdd(event)}
          noValidate
          className="flex flex-wrap items-end gap-2"
        >
          <div className="flex flex-col gap-1">
            <label htmlFor={selectId} className="text-sm font-medium">
              Add a document
            </label>
            <select
              id={selectId}
              value={choice}
              onChange={(event) => setChoice(event.target.value)}
              aria-describedby={`${selectId}-error`}
              aria-invalid={error ? true : undefined}
              className="max-w-md rounded-md border border-stone-400 bg-white px-3 py-2"
            >
              <option value="">
                {available.length === 0 ? "Every document is already here" : "Choose a document…"}
              </option>
              {available.map((document) => (
                <option key={document.id} value={document.id}>
                  {document.outlet ? `${document.title} (${document.outlet})` : document.title}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" disabled={busy !== null || available.length === 0}>
            {busy === "add" ? "Adding…" : "Add to collection"}
          </Button>
        </form>
      ) : null}
      <div id={`${selectId}-error`}>
        <FormMessage message={error} />
      </div>
      <FormMessage tone="info" message={status} />
      {canManage ? (
        <div className="flex flex-wrap items-center gap-2">
          {isDeleting ? (
            <>
              <span className="text-sm">
                Delete this collection? Its documents stay in the workspace.
              </span>
              <Button variant="danger" disabled={busy !== null} onClick={() => void onDelete()}>
                Yes, delete the collection
              </Button>
              <Button variant="ghost" onClick={() => setIsDeleting(false)}>
                Keep it
              </Button>
            </>
          ) : (
            <Button variant="ghost" onClick={() => setIsDeleting(true)}>
              Delete collection…
            </Button>
          )}
        </div>
      ) : null}
    </section>
  );
}
