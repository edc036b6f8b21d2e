import { z } from "zod";

import { limits } from "./limits";

export const importUrlSchema = z
  .object({
    url: z
      .string({ error: "Give the address of the article." })
      .trim()
      .min(1, { message: "Give the address of the article." })
      .max(limits.urlMax, { message: `The address can have at most ${limits.urlMax} characters.` })
      .pipe(
        z.url({
          protocol: /^https?$/,
          message: "Give a web address that starts with http:// or https://",
        }),
      ),
  })
  .strict();

export type ImportUrlInput = z.input<typeof importUrlSchema>;

// Rows are validated one by one on the server (row-level mode), so the schema here only
// bounds the batch; each row gets its own message.
export const createDocumentsBatchSchema = z
  .object({
    documents: z
      .array(z.unknown(), { error: "documents must be a list." })
      .min(1, { message: "Send at least one document." })
      .max(limits.bulkBatchMax, {
        message: `Send at most ${limits.bulkBatchMax} documents per request.`,
      }),
  })
  .strict();
