"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { joinWorkspaceAction } from "@/lib/actions/join-workspace";
import { signUpAction } from "@/lib/actions/sign-up";
import type { FieldErrors } from "@/lib/errors/app-error";
import { limits } from "@/lib/validations/limits";
import { displayNameMax } from "@/lib/validations/membership";

type JoinFormsProps = {
  code: string;
  workspaceName: string;
  signedInAs: { name: string; email: string } | null;
};

type Mode = "sign-up" | "sign-in";

// Signed in: one button. Signed out: create an account (or sign in) and join in one go.
export function JoinForms({ code, workspaceName, signedInAs }: JoinFormsProps) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("sign-up");
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [isPending, setIsPending] = useState(false);

  async function join(form: FormData) {
    const joinData = new FormData();
    joinData.set("code", code);
    joinData.set("displayName", String(form.get("displayName") ?? ""));
    const joined = await joinWorkspaceAction(joinData);
    if (!joined.ok) {
      setMessage(joined.message);
      return;
    }
    if (joined.data.alreadyMember) {
      setNotice(`You are already a member of “${joined.data.workspaceName}”. Nothing changed.`);
      router.push(`/workspaces/${joined.data.workspaceId}/assignments`);
      return;
    }
    router.push(`/workspaces/${joined.data.workspaceId}/assignments?joined=1`);
    router.refresh();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsPending(true);
    setMessage(null);
    setFieldErrors({});

    try {
      if (!signedInAs && mode === "sign-up") {
        const created = await signUpAction(null, form);
        if (!created.ok) {
          setMessage(created.message);
          setFieldErrors(created.fieldErrors);
          return;
        }
      }
      if (!signedInAs) {
        const email = String(form.get("email") ?? "");
        const result = await signIn("credentials", {
          email: mode === "sign-up" ? email.trim().toLowerCase() : email,
          password: String(form.get("password") ?? ""),
          redirect: false,
        });
        if (!result || result.error) {
          setMessage(
            !result || result.error === "CredentialsSignin"
              ? "Email or password is incorrect."
              : result.error,
          );
          return;
        }
      }
      await join(form);
    } finally {
      setIsPending(false);
    }
  }

  const displayNameField = (
    <TextField
      id="displayName"
      label="Name shown to classmates (optional)"
      hint="Classmates see this instead of your account name; they never see your email."
      maxLength={displayNameMax}
      errors={fieldErrors.displayName}
    />
  );

  if (signedInAs) {
    return (
      <form onSubmit={(event) => void onSubmit(event)} className="flex flex-col gap-4" noValidate>
        <p className="text-sm">
          You are signed in as {signedInAs.name} ({signedInAs.email}). You will join “
          {workspaceName}” as a student (annotator).
        </p>
        {displayNameField}
        <FormMessage message={message} />
        <FormMessage tone="info" message={notice} />
        <Button type="submit" disabled={isPending}>
          {isPending ? "Joining…" : `Join ${workspaceName}`}
        </Button>
      </form>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        You have been invited to “{workspaceName}”. Create an account, or sign in, to join it as a
        student.
      </p>
      <div role="group" aria-label="Account" className="flex gap-2">
        <Button
          variant={mode === "sign-up" ? "primary" : "secondary"}
          aria-pressed={mode === "sign-up"}
          onClick={() => setMode("sign-up")}
        >
          I am new here
        </Button>
        <Button
          variant={mode === "sign-in" ? "primary" : "secondary"}
          aria-pressed={mode === "sign-in"}
          onClick={() => setMode("sign-in")}
        >
          I have an account
        </Button>
      </div>
      <form
        key={mode}
        onSubmit={(event) => void onSubmit(event)}
        className="flex flex-col gap-4"
        noValidate
      >
        {mode === "sign-up" ? (
          <TextField
            id="name"
            label="Your name"
            autoComplete="name"
            errors={fieldErrors.name}
            required
          />
        ) : null}
        <TextField
          id="email"
          label="Email"
          type="email"
          autoComplete="email"
          errors={fieldErrors.email}
          required
        />
        <TextField
          id="password"
          label="Password"
          type="password"
          autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
          hint={mode === "sign-up" ? `At least ${limits.passwordMin} characters.` : undefined}
          errors={fieldErrors.password}
          required
        />
        {displayNameField}
        <FormMessage message={message} />
        <Button type="submit" disabled={isPending}>
          {isPending
            ? "Joining…"
            : mode === "sign-up"
              ? "Create account and join"
              : "Sign in and join"}
        </Button>
      </form>
    </div>
  );
}
