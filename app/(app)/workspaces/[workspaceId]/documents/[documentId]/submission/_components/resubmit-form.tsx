"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import {
  DocumentConflict,
  readDocumentConflict,
  type DocumentConflictData,
} from "@/components/review/document-conflict";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { requestJson } from "@/lib/client/request-json";
import { hasMergeMarkers } from "@/lib/review/merge-texts";
import type { FieldErrors } from "@/lib/errors/app-error";
import { limits } from "@/lib/validations/limits";
import { submissionLimits } from "@/lib/validations/submission";

type ResubmitFormProps = {
  documentId: string;
  version: number;
  title: string;
  text: string;
  // Where to go once resubmitted; the page says how the highlights moved.
  submissionPath: string;
};

type Resubmitted = {
  version: number;
  reanchored: { unchanged: number; moved: number; fuzzy: number; orphaned: number };
};

// The contributor's revision after changes were requested: the text in a box, saved as a
// new version and resubmitted in one step. Sent as JSON to the API (long texts), so the
// typed text stays in the box whatever the answer; a conflict shows both versions.
export function ResubmitForm({
  documentId,
  version: initialVersion,
  title: initialTitle,
  text: initialText,
  submissionPath,
}: ResubmitFormProps) {
  const router = useRouter();
  const [version, setVersion] = useState(initialVersion);
  const [title, setTitle] = useState(initialTitle);
  const [text, setText] = useState(initialText);
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState<DocumentConflictData | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function send(atVersion: number, body: { title: string; text: string }) {
    if (hasMergeMarkers(body.text)) {
      setError(
        "The text still has merge markers (<<<<<<< and >>>>>>>). Keep what is right and remove the markers first.",
      );
      setFieldErrors({ text: ["Remove the merge markers before resubmitting."] });
      return;
    }
    setIsSaving(true);
    setError(null);
    setFieldErrors({});
    const result = await requestJson<Resubmitted>(
      `/api/v1/documents/${documentId}/resubmit`,
      "POST",
      {
        version: atVersion,
        title: body.title,
        text: body.text,
        message,
      },
    );
    setIsSaving(false);

    if (result.ok) {
      const { version: saved, reanchored } = result.data;
      const summary = new URLSearchParams({
        done: "resubmitted",
        version: String(saved),
        unchanged: String(reanchored.unchanged),
        moved: String(reanchored.moved + reanchored.fuzzy),
        orphaned: String(reanchored.orphaned),
      });
      router.push(`${submissionPath}?${summary.toString()}`);
      return;
    }
    const documentConflict = result.status === 409 ? readDocumentConflict(result.details) : null;
    if (documentConflict) {
      setConflict(documentConflict);
      return;
    }
    setError(result.message);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void send(version, { title, text });
  }

  return (
    <form
      onSubmit={onSubmit}
      className="flex flex-col gap-3"
      noValidate
      aria-label="Revise and resubmit"
    >
      {conflict ? (
        <DocumentConflict
          conflict={conflict}
          isSaving={isSaving}
          onKeepMine={(theirVersion) => {
            setVersion(theirVersion);
            void send(theirVersion, { title, text });
          }}
          onTakeTheirs={(theirs) => {
            setVersion(theirs.version);
            setTitle(theirs.title);
            setText(theirs.text);
            setConflict(null);
          }}
          onMerge={(merged, theirVersion) => {
            setVersion(theirVersion);
            setText(merged);
          }}
        />
      ) : null}
      <TextField
        id="resubmit-title"
        label="Title"
        value={title}
        maxLength={limits.titleMax}
        onChange={(event) => setTitle(event.target.value)}
        errors={fieldErrors.title}
      />
      <TextAreaField
        id="resubmit-text"
        label="Revised text"
        hint={`Version ${version}. Saving makes a new version; highlights move with the text, and any that cannot be placed are kept as orphans.`}
        rows={14}
        value={text}
        onChange={(event) => setText(event.target.value)}
        errors={fieldErrors.text}
      />
      <TextAreaField
        id="resubmit-message"
        label="What changed (optional)"
        rows={2}
        maxLength={submissionLimits.messageMax}
        value={message}
        onChange={(event) => setMessage(event.target.value)}
        errors={fieldErrors.message}
      />
      <FormMessage message={error} />
      <div>
        <Button type="submit" disabled={isSaving}>
          {isSaving ? "Resubmitting…" : "Resubmit revised text"}
        </Button>
      </div>
    </form>
  );
}
