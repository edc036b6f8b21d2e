import { z } from "zod";

import { limits } from "./limits";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, { message: "Enter your email address." })
  .max(limits.emailMax, { message: "That email address is too long." })
  .pipe(z.email({ message: "Enter a valid email address, like name@example.org." }));

// The length rules for a new password (sign-up and password change). The common-password
// check runs on the server only (lib/auth/common-passwords.ts), so its list stays out of
// the browser's bundle.
export const newPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(limits.passwordMin, {
    message: `Use at least ${limits.passwordMin} characters for your password.`,
  })
  .max(limits.passwordMax, {
    message: `Use at most ${limits.passwordMax} characters for your password.`,
  });

export const signUpSchema = z.object({
  name: z
    .string({ error: "Enter your name." })
    .trim()
    .min(1, { message: "Enter your name." })
    .max(limits.nameMax, { message: `Your name can have at most ${limits.nameMax} characters.` }),
  email: emailSchema,
  password: newPasswordSchema,
});

export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: "Enter your password." }).max(limits.passwordMax),
});

export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z
    .string({ error: "Enter your current password." })
    .min(1, { message: "Enter your current password." })
    .max(limits.passwordMax),
  newPassword: newPasswordSchema,
});

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const endSessionSchema = z.object({
  sessionId: z.string().min(1).max(64),
});
