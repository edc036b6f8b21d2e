import { z } from "zod";

import { limits } from "./limits";

export const workspaceKindSchema = z.enum(["CLASS", "NEWSROOM", "RESEARCH"], {
  message: "Choose what the workspace is for.",
});

export const createWorkspaceSchema = z.object({
  name: z
    .string({ error: "Give the workspace a name." })
    .trim()
    .min(1, { message: "Give the workspace a name." })
    .max(limits.workspaceNameMax, {
      message: `The name can have at most ${limits.workspaceNameMax} characters.`,
    }),
  kind: workspaceKindSchema,
  // The preset its first codebook starts from; the server checks the key exists and uses
  // Newsroom review when none is given.
  codebookPreset: z.string().trim().max(100).optional(),
});

export type CreateWorkspaceInput = z.infer<typeof createWorkspaceSchema>;

export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+$/i, { message: "Malformed id." });
