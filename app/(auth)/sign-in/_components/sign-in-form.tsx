"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

type SignInFormProps = { callbackUrl: string };

export function SignInForm({ callbackUrl }: SignInFormProps) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsPending(true);
    setMessage(null);

    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });

    setIsPending(false);

    if (!result || result.error) {
      // next-auth reports a plain failed check as "CredentialsSignin".
      setMessage(
        !result || result.error === "CredentialsSignin"
          ? "Email or password is incorrect."
          : result.error,
      );
      return;
    }

    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <TextField id="email" label="Email" type="email" autoComplete="email" required />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
      />
      <FormMessage message={message} />
      <Button type="submit" disabled={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
