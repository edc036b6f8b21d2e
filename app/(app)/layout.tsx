import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";

import { SignOutButton } from "@/components/layout/sign-out-button";
import { InboxLink } from "@/components/review/inbox-link";
import { getSessionUser } from "@/lib/auth/session";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();

  if (!user) {
    redirect("/sign-in");
  }

  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-stone-300 bg-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-2">
          <Link href="/workspaces" className="font-serif text-xl font-semibold">
            Framewise
          </Link>
          <div className="flex items-center gap-3 text-sm">
            <span aria-label="Signed in as">{user.name}</span>
            <InboxLink userId={user.id} />
            <Link href="/settings/account" className="text-sky-800 underline">
              Account
            </Link>
            <Link href="/settings/tokens" className="text-sky-800 underline">
              API tokens
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">{children}</main>
    </div>
  );
}
