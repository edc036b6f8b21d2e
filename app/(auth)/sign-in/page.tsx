import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { getSessionUser } from "@/lib/auth/session";

import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type SignInPageProps = { searchParams: Promise<{ callbackUrl?: string }> };

// Only same-site paths are followed after sign-in.
function safeCallback(value: string | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/workspaces";
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const [user, params] = await Promise.all([getSessionUser(), searchParams]);
  const callbackUrl = safeCallback(params.callbackUrl);

  if (user) {
    redirect(callbackUrl);
  }

  return (
    <section className="flex flex-col gap-4 rounded-lg border border-stone-300 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">Sign in</h1>
      <SignInForm callbackUrl={callbackUrl} />
      <p className="text-sm">
        New here?{" "}
        <Link href="/sign-up" className="text-sky-800 underline">
          Create an account
        </Link>
      </p>
    </section>
  );
}
