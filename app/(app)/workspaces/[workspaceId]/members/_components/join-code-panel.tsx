"use client";

import { useActionState, useState, useSyncExternalStore } from "react";

import { LocalDateTime } from "@/components/classes/local-date-time";
import { Button } from "@/components/ui/button";
import { FieldShell } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { updateJoinCodeAction } from "@/lib/actions/update-join-code";
import { formatJoinCode } from "@/lib/validations/membership";

type JoinCodePanelProps = {
  workspaceId: string;
  joinCode: { code: string | null; enabled: boolean; expiresAt: Date | null };
};

const subscribe = () => () => {};

// Instructors invite with a short code or a link; the code can be replaced (the old one
// stops working), switched off and on, and given an expiry.
export function JoinCodePanel({ workspaceId, joinCode }: JoinCodePanelProps) {
  const [state, formAction, isPending] = useActionState(updateJoinCodeAction, null);
  const [copied, setCopied] = useState("");
  const origin = useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => "",
  );
  const failed = state && !state.ok ? state : null;
  const isExpired = joinCode.expiresAt !== null && new Date(joinCode.expiresAt) <= new Date();
  const link = joinCode.code ? `${origin}/join/${formatJoinCode(joinCode.code)}` : "";
  const isWorking = joinCode.code !== null && joinCode.enabled && !isExpired;

  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${what} copied.`);
    } catch {
      setCopied(`Copy the ${what.toLowerCase()} by selecting it.`);
    }
  }

  return (
    <section
      aria-labelledby="join-code-heading"
      className="flex flex-col gap-3 rounded-lg border border-stone-300 bg-white p-4"
      data-testid="join-code-panel"
    >
      <h2 id="join-code-heading" className="text-lg font-semibold">
        Invite students
      </h2>
      {joinCode.code ? (
        <div className="flex flex-col gap-2">
          <p className="flex flex-wrap items-center gap-2">
            <span className="text-sm text-stone-700">Join code:</span>
            <strong className="font-mono text-2xl tracking-wider" data-testid="join-code">
              {formatJoinCode(joinCode.code)}
            </strong>
            <span
              className={`rounded-full px-2 py-0.5 text-xs ${isWorking ? "bg-emerald-100 text-emerald-900" : "bg-stone-200 text-stone-800"}`}
              data-testid="join-code-status"
            >
              {!joinCode.enabled ? "Switched off" : isExpired ? "Expired" : "Working"}
            </span>
          </p>
          <p className="text-sm text-stone-700">
            {joinCode.expiresAt ? (
              <>
                {isExpired ? "Expired" : "Works until"} <LocalDateTime value={joinCode.expiresAt} />
                .
              </>
            ) : (
              "No expiry."
            )}{" "}
            Students open the link (or type the code at <span className="font-mono">/join</span>),
            sign up or sign in, and join as annotators.
          </p>
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <span>Link:</span>
            <input
              readOnly
              value={link}
              aria-label="Join link"
              data-testid="join-link"
              className="min-w-0 flex-1 rounded-md border border-stone-300 bg-stone-50 px-2 py-1 font-mono text-xs"
              onFocus={(event) => event.currentTarget.select()}
            />
            <Button variant="secondary" onClick={() => void copy(link, "Link")}>
              Copy link
            </Button>
          </p>
          <p role="status" aria-live="polite" className="min-h-5 text-sm text-stone-700">
            {copied}
          </p>
        </div>
      ) : (
        <p className="text-sm text-stone-700">
          No join code yet. Create one to let students join with a link or a short code.
        </p>
      )}
      <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
        <input type="hidden" name="workspaceId" value={workspaceId} />
        <FieldShell id="expiresIn" label="Stops working" errors={failed?.fieldErrors.expiresIn}>
          <select
            id="expiresIn"
            name="expiresIn"
            defaultValue={failed?.values.expiresIn ?? "7"}
            aria-describedby="expiresIn-error"
            className="rounded-md border border-stone-400 bg-white px-3 py-2"
          >
            <option value="1">after 1 day</option>
            <option value="7">after 7 days</option>
            <option value="30">after 30 days</option>
            <option value="90">after 90 days</option>
            <option value="never">never</option>
          </select>
        </FieldShell>
        <Button
          type="submit"
          name="action"
          value={joinCode.code ? "rotate" : "create"}
          disabled={isPending}
        >
          {joinCode.code ? "Replace with a new code" : "Create join code"}
        </Button>
        {joinCode.code && joinCode.enabled ? (
          <Button type="submit" name="action" value="disable" variant="danger" disabled={isPending}>
            Switch off
          </Button>
        ) : null}
        {joinCode.code && (!joinCode.enabled || isExpired) ? (
          <Button
            type="submit"
            name="action"
            value="enable"
            variant="secondary"
            disabled={isPending}
          >
            Switch on
          </Button>
        ) : null}
      </form>
      <FormMessage message={failed?.message} />
      {state?.ok ? (
        <FormMessage
          tone="info"
          message={
            state.data.enabled
              ? `Join code ${state.data.code ? formatJoinCode(state.data.code) : ""} is working.`
              : "Join code switched off: nobody can join with it until you switch it on."
          }
        />
      ) : null}
    </section>
  );
}
