"use client";

import { Button } from "@/components/ui/button";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-[50vh] max-w-xl flex-col justify-center gap-3 px-4">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p>We could not show this page. Your saved work is safe. Try again in a moment.</p>
      <div>
        <Button onClick={reset}>Try again</Button>
      </div>
    </main>
  );
}
