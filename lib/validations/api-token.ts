import { z } from "zod";

import { limits } from "./limits";
import { idSchema } from "./workspace";

export const apiTokenScopeSchema = z.enum(["READ", "READ_WRITE"], {
  message: "Choose what the token may do.",
});

export const apiTokenMaxDays = 365;

// Form values arrive as strings; an empty expiry means the token never expires.
export const createApiTokenSchema = z.object({
  name: z
    .string({ error: "Give the token a name." })
    .trim()
    .min(1, { message: "Give the token a name, such as the script that will use it." })
    .max(limits.nameMax, { message: `The name can have at most ${limits.nameMax} characters.` }),
  workspaceId: z
    .string({ error: "Choose the workspace the token may use." })
    .min(1, { message: "Choose the workspace the token may use." })
    .pipe(idSchema),
  scope: apiTokenScopeSchema,
  expiresInDays: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? Number(value) : undefined))
    .pipe(
      z
        .number({
          error: `Enter a number of days from 1 to ${apiTokenMaxDays}, or leave it empty.`,
        })
        .int({ message: "Enter a whole number of days." })
        .min(1, { message: "A token must last at least 1 day." })
        .max(apiTokenMaxDays, {
          message: `A token can last at most ${apiTokenMaxDays} days; leave it empty for no expiry.`,
        })
        .optional(),
    ),
});

export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;
export type CreateApiTokenData = z.output<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({
  tokenId: idSchema,
});
