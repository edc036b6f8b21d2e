import type { Metadata } from "next";
import Link from "next/link";

import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { findJoinCode, type JoinCodeTarget } from "@/lib/server/membership/find-join-code";

import { JoinForms } from "./_components/join-forms";

export const metadata: Metadata = { title: "Join a class" };

type JoinPageProps = { params: Promise<{ code: string }> };

// A malformed %-escape is just a wrong code, not a server error.
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// The join link. It lives with the sign-in pages (not behind the signed-in layout) so a
// student without an account can sign up right here and land in the class; a signed-in
// person confirms with one button. Bad codes say what is wrong with them.
export default async function JoinPage({ params }: JoinPageProps) {
  const [{ code }, user] = await Promise.all([params, getSessionUser()]);

  let target: JoinCodeTarget | null = null;
  let problem: string | null = null;
  try {
    target = await findJoinCode(safeDecode(code));
  } catch (error) {
    if (!(error instanceof AppError)) {
      throw error;
    }
    problem = error.message;
  }

  if (!target) {
    return (
      <section className="flex flex-col gap-4 rounded-lg border border-stone-300 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">This join link does not work</h1>
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900"
        >
          {problem}
        </p>
        <p className="text-sm">
          <Link href="/join" className="text-sky-800 underline">
            Type a join code
          </Link>
          {user ? null : (
            <>
              {" "}
              or{" "}
              <Link href="/sign-in" className="text-sky-800 underline">
                sign in
              </Link>
            </>
          )}
        </p>
      </section>
    );
  }

  const membership = user
    ? await getDb().membership.findUnique({
        where: { workspaceId_userId: { workspaceId: target.workspaceId, userId: user.id } },
        select: { id: true },
      })
    : null;

  return (
    <section className="flex flex-col gap-4 rounded-lg border border-stone-300 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">Join “{target.workspaceName}”</h1>
      {membership ? (
        <div className="flex flex-col gap-2" data-testid="already-member">
          <p role="status" className="text-sm">
            You are already a member of “{target.workspaceName}”. Nothing changed.
          </p>
          <Link
            href={`/workspaces/${target.workspaceId}/assignments`}
            className="text-sky-800 underline"
          >
            Go to the class
          </Link>
        </div>
      ) : (
        <JoinForms
          code={target.code}
          workspaceName={target.workspaceName}
          signedInAs={user ? { name: user.name, email: user.email } : null}
        />
      )}
    </section>
  );
}
