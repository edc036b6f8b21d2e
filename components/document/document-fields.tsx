import { FieldShell, TextAreaField, TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors/app-error";
import { limits } from "@/lib/validations/limits";

export type DocumentFieldValues = {
  title?: string;
  text?: string;
  outlet?: string;
  author?: string;
  sourceUrl?: string;
  publishedAt?: string;
  kind?: string;
};

type DocumentFieldsProps = {
  values: DocumentFieldValues;
  errors: FieldErrors;
  textHint: string;
};

// The fields of a document, shared by "add an article" (pasted or imported) and "edit".
export function DocumentFields({ values, errors, textHint }: DocumentFieldsProps) {
  return (
    <>
      <TextField
        id="title"
        label="Title"
        maxLength={limits.titleMax}
        defaultValue={values.title}
        errors={errors.title}
        required
      />
      <TextAreaField
        id="text"
        label="Text"
        hint={textHint}
        rows={14}
        defaultValue={values.text}
        errors={errors.text}
        required
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="outlet"
          label="Outlet (optional)"
          defaultValue={values.outlet}
          errors={errors.outlet}
        />
        <TextField
          id="author"
          label="Author (optional)"
          defaultValue={values.author}
          errors={errors.author}
        />
        <TextField
          id="sourceUrl"
          label="Source URL (optional)"
          type="url"
          defaultValue={values.sourceUrl}
          errors={errors.sourceUrl}
        />
        <TextField
          id="publishedAt"
          label="Published (optional)"
          type="date"
          defaultValue={values.publishedAt}
          errors={errors.publishedAt}
        />
        <FieldShell id="kind" label="Kind" errors={errors.kind}>
          <select
            id="kind"
            name="kind"
            defaultValue={values.kind ?? "ARTICLE"}
            aria-describedby="kind-error"
            className="rounded-md border border-stone-400 bg-white px-3 py-2"
          >
            <option value="ARTICLE">Article</option>
            <option value="AI_ANALYSIS">AI-generated analysis</option>
            <option value="SUBMISSION">Submission (draft for review)</option>
          </select>
        </FieldShell>
      </div>
    </>
  );
}
