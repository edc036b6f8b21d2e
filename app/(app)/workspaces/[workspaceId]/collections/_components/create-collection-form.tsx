"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { TextAreaField, TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { requestJson } from "@/lib/client/request-json";
import { zodToFieldErrors } from "@/lib/errors/zod-to-field-errors";
import {
  collectionDescriptionMax,
  collectionNameMax,
  createCollectionSchema,
} from "@/lib/validations/collection";

type FieldErrors = Record<string, string[]>;

// Checked in the browser with the same schema as the server; what was typed stays on failure.
export function CreateCollectionForm({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const [values, setValues] = useState({ name: "", description: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const parsed = createCollectionSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(zodToFieldErrors(parsed.error));
      setMessage("Please fix the highlighted fields.");
      return;
    }

    setErrors({});
    setIsSaving(true);
    const result = await requestJson<{ collection: { id: string } }>(
      `/api/v1/workspaces/${workspaceId}/collections`,
      "POST",
      parsed.data,
    );
    setIsSaving(false);

    if (!result.ok) {
      setMessage(result.message);
      return;
    }
    router.push(`/workspaces/${workspaceId}/collections/${result.data.collection.id}`);
  }

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-labelledby="create-collection-heading"
      className="flex max-w-xl flex-col gap-3 rounded-lg border border-stone-300 bg-white p-4"
    >
      <h2 id="create-collection-heading" className="text-lg font-semibold">
        Create a collection
      </h2>
      <TextField
        id="collection-name"
        name="name"
        label="Name"
        hint="For example the event: “Paris summit on Ukraine, January 2026”."
        maxLength={collectionNameMax}
        value={values.name}
        errors={errors.name}
        onChange={(event) => setValues({ ...values, name: event.target.value })}
      />
      <TextAreaField
        id="collection-description"
        name="description"
        label="Description (optional)"
        rows={2}
        maxLength={collectionDescriptionMax}
        value={values.description}
        errors={errors.description}
        onChange={(event) => setValues({ ...values, description: event.target.value })}
      />
      <FormMessage message={message} />
      <div>
        <Button type="submit" disabled={isSaving}>
          {isSaving ? "Creating…" : "Create collection"}
        </Button>
      </div>
    </form>
  );
}
