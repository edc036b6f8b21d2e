"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/actions/action-result";
import { signUpAction } from "@/lib/actions/sign-up";
import { limits } from "@/lib/validations/limits";

export function SignUpForm() {
  const router = useRouter();

  const [state, formAction, isPending] = useActionState(
    async (
      previous: ActionState<{ email: string }>,
      formData: FormData,
    ): Promise<ActionState<{ email: string }>> => {
      const result = await signUpAction(previous, formData);

      if (result.ok) {
        const signedIn = await signIn("credentials", {
          email: result.data.email,
          password: String(formData.get("password") ?? ""),
          redirect: false,
        });
        router.push(signedIn?.ok ? "/workspaces" : "/sign-in");
        router.refresh();
      }

      return result;
    },
    null,
  );

  const failed = state && !state.ok ? state : null;

  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <TextField
        id="name"
        label="Name"
        autoComplete="name"
        defaultValue={failed?.values.name}
        errors={failed?.fieldErrors.name}
        required
      />
      <TextField
        id="email"
        label="Email"
        type="email"
        autoComplete="email"
        defaultValue={failed?.values.email}
        errors={failed?.fieldErrors.email}
        required
      />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${limits.passwordMin} characters.`}
        errors={failed?.fieldErrors.password}
        required
      />
      <FormMessage message={failed?.message} />
      <Button type="submit" disabled={isPending}>
        {isPending ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
