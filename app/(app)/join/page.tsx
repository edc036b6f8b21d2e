import type { Metadata } from "next";

import { JoinCodeForm } from "./_components/join-code-form";

export const metadata: Metadata = { title: "Join with a code" };

// For a code read out in class rather than a link: it leads to the join link's page.
export default function JoinWithCodePage() {
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <h1 className="text-2xl font-semibold">Join a class</h1>
      <JoinCodeForm />
    </div>
  );
}
