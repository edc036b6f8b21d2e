"use client";

import { useEffect, useRef, useState } from "react";

import { Button } from "@/components/ui/button";

type NewTokenSecretProps = {
  token: { name: string; secret: string; scope: "READ" | "READ_WRITE" };
  onDone: () => void;
};

// The one and only showing of a token's secret. Focus moves here so a keyboard or
// screen-reader user lands on it right after creating the token.
export function NewTokenSecret({ token, onDone }: NewTokenSecretProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyMessage, setCopyMessage] = useState("");

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function onCopy() {
    try {
      await navigator.clipboard.writeText(token.secret);
      setCopyMessage("Copied to the clipboard.");
    } catch {
      inputRef.current?.select();
      setCopyMessage(
        "Your browser did not allow copying. The token is selected: press Ctrl+C (⌘C on a Mac).",
      );
    }
  }

  return (
    <section
      aria-labelledby="new-token-heading"
      className="flex max-w-3xl flex-col gap-3 rounded-lg border border-amber-600 bg-amber-50 p-4"
    >
      <h3
        id="new-token-heading"
        ref={headingRef}
        tabIndex={-1}
        className="text-base font-semibold outline-none"
      >
        Copy your new token now
      </h3>
      <p id="new-token-warning" className="text-sm text-stone-800">
        This is the only time “{token.name}” is shown. Framewise keeps only a fingerprint of it and
        cannot show it again. Store it in a password manager or your program’s secret settings;
        anyone who has it can act as you
        {token.scope === "READ" ? " (read only)" : ""} in its workspace. If you lose it, revoke it
        and create a new one.
      </p>
      <div className="flex flex-col gap-1">
        <label htmlFor="new-token-secret" className="text-sm font-medium">
          Token
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            id="new-token-secret"
            ref={inputRef}
            readOnly
            value={token.secret}
            aria-describedby="new-token-warning"
            onFocus={(event) => event.currentTarget.select()}
            className="min-w-0 flex-1 rounded-md border border-stone-400 bg-white px-3 py-2 font-mono text-sm"
          />
          <Button onClick={() => void onCopy()}>Copy token</Button>
        </div>
        <p role="status" aria-live="polite" className="text-sm text-stone-700">
          {copyMessage}
        </p>
      </div>
      <div>
        <Button variant="secondary" onClick={onDone}>
          I have stored it
        </Button>
      </div>
    </section>
  );
}
