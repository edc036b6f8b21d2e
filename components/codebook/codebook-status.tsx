import type { CodebookStatus } from "@/lib/db/generated/enums";

const statusNames: Record<CodebookStatus, string> = {
  DRAFT: "Draft",
  PUBLISHED: "Published",
  ARCHIVED: "Archived",
};

const statusClasses: Record<CodebookStatus, string> = {
  DRAFT: "border-amber-700 bg-amber-50 text-amber-900",
  PUBLISHED: "border-emerald-700 bg-emerald-50 text-emerald-900",
  ARCHIVED: "border-stone-400 bg-stone-100 text-stone-700",
};

type CodebookStatusBadgeProps = { status: CodebookStatus; version: number };

export function CodebookStatusBadge({ status, version }: CodebookStatusBadgeProps) {
  return (
    <span
      className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium ${statusClasses[status]}`}
    >
      Version {version} · {statusNames[status]}
    </span>
  );
}

export function DefaultBadge() {
  return (
    <span className="inline-flex items-center rounded-full border border-sky-800 bg-sky-50 px-2 py-0.5 text-xs font-medium text-sky-900">
      Default: annotators tag with it
    </span>
  );
}

export function ColorSwatch({
  color,
  className = "size-3",
}: {
  color: string;
  className?: string;
}) {
  return (
    <span
      aria-hidden="true"
      className={`inline-block shrink-0 rounded-full border border-stone-400 ${className}`}
      style={{ backgroundColor: color }}
    />
  );
}
