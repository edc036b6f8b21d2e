"use client";

import { useActionState, useEffect, useRef } from "react";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

import { endOtherSessionsAction, endSessionAction } from "../_actions/end-sessions";

export type SessionRow = {
  id: string;
  device: string;
  userAgent: string;
  ipAddress: string;
  created: string;
  lastSeen: string;
  isCurrent: boolean;
};

type SessionTableProps = { rows: SessionRow[] };

export function SessionTable({ rows }: SessionTableProps) {
  const statusRef = useRef<HTMLParagraphElement>(null);
  const [endOne, endOneAction, isEndingOne] = useActionState(endSessionAction, null);
  const [endOthers, endOthersAction, isEndingOthers] = useActionState(endOtherSessionsAction, null);
  const others = rows.filter((row) => !row.isCurrent).length;

  // The button that was pressed disappears with its row, so focus goes to the announcement.
  useEffect(() => {
    if (endOne?.ok || endOthers?.ok) {
      statusRef.current?.focus();
    }
  }, [endOne, endOthers]);

  const status = endOthers?.ok
    ? `${endOthers.data.ended} other session${endOthers.data.ended === 1 ? " was" : "s were"} ended.`
    : endOne?.ok
      ? "The session was ended. That browser is signed out on its next page."
      : "";
  const failure =
    (endOne && !endOne.ok ? endOne.message : null) ??
    (endOthers && !endOthers.ok ? endOthers.message : null);

  return (
    <div className="flex flex-col gap-3">
      <p
        ref={statusRef}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        className="text-sm text-stone-700 outline-none"
      >
        {status}
      </p>
      <FormMessage message={failure} />
      {/* Focusable so keyboard users can scroll the table sideways on narrow screens. */}
      <div
        tabIndex={0}
        role="region"
        aria-label="Sessions table"
        className="overflow-x-auto rounded-lg border border-stone-300 bg-white"
      >
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Browsers signed in to your account</caption>
          <thead className="border-b border-stone-300 bg-stone-50">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Device
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                IP address
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Signed in
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Last seen
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
                data-testid="session-row"
                className="border-b border-stone-200 last:border-0"
              >
                <th scope="row" className="px-3 py-2 font-medium">
                  <span title={row.userAgent}>{row.device}</span>
                  {row.isCurrent ? (
                    <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs font-medium text-sky-900">
                      This session
                    </span>
                  ) : null}
                </th>
                <td className="px-3 py-2 font-mono">{row.ipAddress || "Unknown"}</td>
                <td className="px-3 py-2">{row.created}</td>
                <td className="px-3 py-2">{row.lastSeen}</td>
                <td className="px-3 py-2 text-right">
                  {row.isCurrent ? (
                    <span className="text-stone-600">Sign out to end</span>
                  ) : (
                    <form action={endOneAction}>
                      <input type="hidden" name="sessionId" value={row.id} />
                      <Button
                        type="submit"
                        variant="danger"
                        disabled={isEndingOne}
                        aria-label={`End session: ${row.device}, last seen ${row.lastSeen}`}
                      >
                        End session
                      </Button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {others > 0 ? (
        <form action={endOthersAction}>
          <Button type="submit" variant="secondary" disabled={isEndingOthers}>
            {isEndingOthers ? "Ending…" : `End all other sessions (${others})`}
          </Button>
        </form>
      ) : (
        <p className="text-sm text-stone-700">You are signed in nowhere else.</p>
      )}
    </div>
  );
}
