"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { formatJoinCode, joinCodeSchema } from "@/lib/validations/membership";

export function JoinCodeForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = joinCodeSchema.safeParse(
      String(new FormData(event.currentTarget).get("code") ?? ""),
    );
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "That is not a join code.");
      return;
    }
    router.push(`/join/${formatJoinCode(parsed.data)}`);
  }

  return (
    <form
      onSubmit={onSubmit}
      className="flex flex-col gap-4 rounded-lg border border-stone-300 bg-white p-6"
      noValidate
    >
      <TextField
        id="code"
        label="Join code"
        hint="Eight letters and digits from your instructor, like ABCD-2345."
        autoComplete="off"
        autoCapitalize="characters"
        errors={error ? [error] : undefined}
        required
      />
      <Button type="submit">Continue</Button>
    </form>
  );
}
