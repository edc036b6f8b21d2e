import type { Metadata } from "next";

import { describeUserAgent } from "@/lib/auth/describe-user-agent";
import { requireSessionUser } from "@/lib/auth/session";
import { listUserSessions } from "@/lib/server/user-session/list-user-sessions";

import { ChangePasswordForm } from "./_components/change-password-form";
import { SessionTable, type SessionRow } from "./_components/session-table";

export const metadata: Metadata = { title: "Account" };

// Dates in UTC, formatted on the server, as on the API tokens page.
const dateFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export default async function AccountPage() {
  const user = await requireSessionUser();
  const sessions = await listUserSessions({ userId: user.id, currentSessionId: user.sessionId });

  const rows: SessionRow[] = sessions.map((session) => ({
    id: session.id,
    device: describeUserAgent(session.userAgent),
    userAgent: session.userAgent,
    ipAddress: session.ipAddress,
    created: `${dateFormat.format(session.createdAt)} UTC`,
    lastSeen: session.isCurrent ? "Now" : `${dateFormat.format(session.lastSeenAt)} UTC`,
    isCurrent: session.isCurrent,
  }));

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">Account</h1>
        <p className="text-stone-700">
          Signed in as {user.name} ({user.email}).
        </p>
      </div>
      <section
        aria-labelledby="sessions-heading"
        className="flex flex-col gap-3 rounded-lg border border-stone-300 bg-white p-4"
      >
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Where you are signed in
        </h2>
        <p className="max-w-3xl text-sm text-stone-700">
          Each browser you sign in with is a session. End one you do not recognise, or that you left
          signed in on a shared computer: it is signed out on its next page.
        </p>
        <SessionTable rows={rows} />
      </section>
      <section
        aria-labelledby="password-heading"
        className="flex flex-col gap-3 rounded-lg border border-stone-300 bg-white p-4"
      >
        <h2 id="password-heading" className="text-lg font-semibold">
          Change password
        </h2>
        <ChangePasswordForm />
      </section>
    </div>
  );
}
