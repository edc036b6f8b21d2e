import Link from "next/link";

import { getDocumentSections } from "@/lib/server/submission/get-document-sections";

type DocumentSectionsProps = {
  workspaceId: string;
  documentId: string;
  userId: string;
  current: "read" | "submission" | "compare" | "versions" | "history";
};

// The pages of one document: reading, its submission, the side-by-side view of an
// analysis and its article, versions, and history.
export async function DocumentSections({
  workspaceId,
  documentId,
  userId,
  current,
}: DocumentSectionsProps) {
  const { hasSubmission, hasSideBySide } = await getDocumentSections({ userId, documentId });
  const base = `/workspaces/${workspaceId}/documents/${documentId}`;
  const sections = [
    { key: "read", name: "Read and highlight", href: base, show: true },
    { key: "submission", name: "Submission", href: `${base}/submission`, show: hasSubmission },
    { key: "compare", name: "Side by side", href: `${base}/compare`, show: hasSideBySide },
    { key: "versions", name: "Versions", href: `${base}/versions`, show: true },
    { key: "history", name: "History", href: `${base}/history`, show: true },
  ].filter((section) => section.show);

  return (
    <nav aria-label="Document sections" className="border-b border-stone-300">
      <ul className="flex flex-wrap gap-1">
        {sections.map((section) => (
          <li key={section.key}>
            <Link
              href={section.href}
              aria-current={section.key === current ? "page" : undefined}
              className={`-mb-px block border-b-2 px-3 py-2 text-sm ${section.key === current ? "border-sky-800 font-semibold" : "border-transparent text-stone-700 hover:border-stone-400"}`}
            >
              {section.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
