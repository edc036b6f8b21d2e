import Link from "next/link";
import { redirect } from "next/navigation";

import { getSessionUser } from "@/lib/auth/session";

export default async function HomePage() {
  if (await getSessionUser()) {
    redirect("/workspaces");
  }

  return (
    <main className="mx-auto flex min-h-screen max-w-3xl flex-col justify-center gap-6 px-4 py-16">
      <h1 className="font-serif text-4xl font-semibold">Framewise</h1>
      <p className="text-lg text-stone-800">
        Read the same event told five ways, and see <em>how</em>. Highlight passages in an article
        and tag each one for stance, sourcing, factual accuracy and framing technique — alone, with
        a class, or as an editorial review.
      </p>
      <div className="flex gap-3">
        <Link
          href="/sign-up"
          className="rounded-md bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900"
        >
          Create an account
        </Link>
        <Link
          href="/sign-in"
          className="rounded-md border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100"
        >
          Sign in
        </Link>
      </div>
    </main>
  );
}
