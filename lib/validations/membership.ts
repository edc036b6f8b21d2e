import { z } from "zod";

import { idSchema } from "./workspace";

// Join codes are 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown
// as two groups of four. People may type them in any case, with or without the dash.
export const joinCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const joinCodeLength = 8;

export const joinCodeSchema = z
  .string({ error: "Type the join code your instructor gave you." })
  .transform((value) => value.replace(/[\s-]/g, "").toUpperCase())
  .pipe(
    z
      .string()
      .min(1, { message: "Type the join code your instructor gave you." })
      .regex(new RegExp(`^[${joinCodeAlphabet}]{${joinCodeLength}}$`), {
        message: `A join code has ${joinCodeLength} letters and digits, like ABCD-2345.`,
      }),
  );

export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export const displayNameMax = 60;

const displayNameSchema = z
  .string()
  .trim()
  .max(displayNameMax, {
    message: `A display name can have at most ${displayNameMax} characters.`,
  });

export const joinWorkspaceSchema = z.object({
  code: joinCodeSchema,
  displayName: displayNameSchema.optional().default(""),
});
export type JoinWorkspaceInput = z.infer<typeof joinWorkspaceSchema>;

export const joinCodeExpiryOptions = ["never", "1", "7", "30", "90"] as const;

export const updateJoinCodeSchema = z.object({
  workspaceId: idSchema,
  action: z.enum(["create", "rotate", "enable", "disable"], {
    message: "Choose what to do with the join code.",
  }),
  // Days from now, or "never".
  expiresIn: z
    .enum(joinCodeExpiryOptions, { message: "Choose when the code stops working." })
    .default("never"),
});
export type UpdateJoinCodeInput = z.infer<typeof updateJoinCodeSchema>;

export const memberRoleSchema = z.enum(["OWNER", "EDITOR", "ANNOTATOR", "VIEWER"], {
  message: "Choose a role.",
});

export const changeMemberRoleSchema = z.object({
  workspaceId: idSchema,
  userId: idSchema,
  role: memberRoleSchema,
});
export type ChangeMemberRoleInput = z.infer<typeof changeMemberRoleSchema>;

export const removeMemberSchema = z.object({ workspaceId: idSchema, userId: idSchema });
export type RemoveMemberInput = z.infer<typeof removeMemberSchema>;

export const setDisplayNameSchema = z.object({
  workspaceId: idSchema,
  userId: idSchema,
  displayName: displayNameSchema,
});
export type SetDisplayNameInput = z.infer<typeof setDisplayNameSchema>;
