import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[50vh] max-w-xl flex-col justify-center gap-3 px-4">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p>This page does not exist, or you do not have access to it.</p>
      <Link href="/workspaces" className="text-sky-800 underline">
        Back to your workspaces
      </Link>
    </main>
  );
}
