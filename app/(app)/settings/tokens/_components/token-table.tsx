"use client";

import { useActionState, useEffect, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

import { revokeApiTokenAction } from "../_actions/revoke-api-token";

export type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  workspaceName: string;
  scope: string;
  created: string;
  lastUsed: string;
  expires: string;
  status: string;
  isActive: boolean;
};

type TokenTableProps = { rows: TokenRow[] };

export function TokenTable({ rows }: TokenTableProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const [confirming, setConfirming] = useState<TokenRow | null>(null);
  const [state, formAction, isPending] = useActionState(revokeApiTokenAction, null);
  const failed = state && !state.ok && state.values.tokenId === confirming?.id ? state : null;

  // After a revoke the row loses its button, so focus goes to the announcement.
  useEffect(() => {
    if (state?.ok) {
      dialogRef.current?.close();
      statusRef.current?.focus();
    }
  }, [state]);

  // Opened once the confirmation's content has rendered, so its Cancel button takes focus.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (confirming && dialog && !dialog.open) {
      dialog.showModal();
    }
  }, [confirming]);

  return (
    <div className="flex flex-col gap-2">
      <p
        ref={statusRef}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        className="text-sm text-stone-700 outline-none"
      >
        {state?.ok
          ? `The token “${state.data.name}” was revoked. Programs using it now get 401.`
          : ""}
      </p>
      {/* Focusable so keyboard users can scroll the table sideways on narrow screens. */}
      <div
        tabIndex={0}
        role="region"
        aria-label="API tokens table"
        className="overflow-x-auto rounded-lg border border-stone-300 bg-white"
      >
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Your API tokens</caption>
          <thead className="border-b border-stone-300 bg-stone-50">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Name
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Starts with
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Workspace
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Access
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Created
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Last used
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Expires
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Status
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.id}
                data-testid="api-token-row"
                className={`border-b border-stone-200 last:border-0 ${row.isActive ? "" : "text-stone-500"}`}
              >
                <th scope="row" className="px-3 py-2 font-medium">
                  {row.name}
                </th>
                <td className="px-3 py-2 font-mono">{row.prefix}…</td>
                <td className="px-3 py-2">{row.workspaceName}</td>
                <td className="px-3 py-2">{row.scope}</td>
                <td className="px-3 py-2">{row.created}</td>
                <td className="px-3 py-2">{row.lastUsed}</td>
                <td className="px-3 py-2">{row.expires}</td>
                <td className="px-3 py-2">{row.status}</td>
                <td className="px-3 py-2 text-right">
                  {row.isActive ? (
                    <Button
                      variant="danger"
                      aria-haspopup="dialog"
                      aria-label={`Revoke ${row.name}`}
                      onClick={() => setConfirming(row)}
                    >
                      Revoke
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dialog
        ref={dialogRef}
        aria-labelledby="revoke-token-heading"
        onClose={() => setConfirming(null)}
        className="m-auto max-w-md rounded-lg border border-stone-300 p-0 backdrop:bg-stone-900/40"
      >
        {confirming ? (
          <form action={formAction} className="flex flex-col gap-3 p-5">
            <input type="hidden" name="tokenId" value={confirming.id} />
            <h3 id="revoke-token-heading" className="text-lg font-semibold">
              Revoke “{confirming.name}”?
            </h3>
            <p className="text-sm text-stone-800">
              Programs using the token that starts with{" "}
              <code className="font-mono">{confirming.prefix}</code> stop working at once: their
              requests get 401. This cannot be undone; you can create a new token.
            </p>
            <FormMessage message={failed?.message} />
            <div className="flex justify-end gap-2">
              <Button variant="secondary" autoFocus onClick={() => dialogRef.current?.close()}>
                Cancel
              </Button>
              <Button type="submit" variant="danger" disabled={isPending}>
                {isPending ? "Revoking…" : "Revoke token"}
              </Button>
            </div>
          </form>
        ) : null}
      </dialog>
    </div>
  );
}
