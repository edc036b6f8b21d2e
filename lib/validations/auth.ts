import { z } from "zod";

import { limits } from "./limits";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, { message: "Enter your email address." })
  .max(limits.emailMax, { message: "That email address is too long." })
  .pipe(z.email({ message: "Enter a valid email address, like name@example.org." }));

export const signUpSchema = z.object({
  name: z
    .string({ error: "Enter your name." })
    .trim()
    .min(1, { message: "Enter your name." })
    .max(limits.nameMax, { message: `Your name can have at most ${limits.nameMax} characters.` }),
  email: emailSchema,
  password: z
    .string({ error: "Choose a password." })
    .min(limits.passwordMin, {
      message: `Use at least ${limits.passwordMin} characters for your password.`,
    })
    .max(limits.passwordMax, {
      message: `Use at most ${limits.passwordMax} characters for your password.`,
    }),
});

export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: "Enter your password." }).max(limits.passwordMax),
});

export type SignInInput = z.infer<typeof signInSchema>;
