import { z } from "zod";

import { idSchema } from "./workspace";

export const discussionLimits = { bodyMax: 5_000, mentionsMax: 20 } as const;

export const createCommentSchema = z
  .object({
    body: z
      .string({ error: "Write a reply first." })
      .trim()
      .min(1, { message: "Write a reply first." })
      .max(discussionLimits.bodyMax, {
        message: `A reply can have at most ${discussionLimits.bodyMax.toLocaleString("en")} characters.`,
      }),
    // A reply to another reply in the thread; top-level when absent.
    parentId: idSchema.optional(),
    // People mentioned with @, as user ids (the composer resolves names to ids).
    mentions: z
      .array(idSchema)
      .max(discussionLimits.mentionsMax, {
        message: `Mention at most ${discussionLimits.mentionsMax} people in one reply.`,
      })
      .default([]),
  })
  .strict();
export type CreateCommentInput = z.input<typeof createCommentSchema>;
export type CreateCommentData = z.output<typeof createCommentSchema>;

export const updateCommentSchema = z
  .object({ isPinned: z.boolean().optional(), isHidden: z.boolean().optional() })
  .strict()
  .refine((value) => value.isPinned !== undefined || value.isHidden !== undefined, {
    message: "Say whether to pin or hide the reply.",
  });
export type UpdateCommentData = z.output<typeof updateCommentSchema>;

export const reactionSchema = z
  .object({
    kind: z
      .enum(["AGREE", "DISAGREE"], { message: "kind must be AGREE, DISAGREE or null." })
      .nullable(),
  })
  .strict();
export type ReactionData = z.output<typeof reactionSchema>;
