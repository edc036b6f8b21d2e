import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { getSessionUser } from "@/lib/auth/session";

import { SignUpForm } from "./_components/sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await getSessionUser()) {
    redirect("/workspaces");
  }

  return (
    <section className="flex flex-col gap-4 rounded-lg border border-stone-300 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">Create an account</h1>
      <SignUpForm />
      <p className="text-sm">
        Already have an account?{" "}
        <Link href="/sign-in" className="text-sky-800 underline">
          Sign in
        </Link>
      </p>
    </section>
  );
}
