import Link from "next/link";

import { can, type Permission } from "@/lib/auth/roles";
import type { Role } from "@/lib/db/generated/enums";

// The sections of a workspace. Each feature adds its page here, once, with the
// permission that may see it.
const workspaceSections: { segment: string; name: string; permission: Permission }[] = [
  { segment: "", name: "Documents", permission: "readWorkspace" },
  { segment: "exports", name: "Exports", permission: "exportData" },
  { segment: "annotation-imports", name: "Import annotations", permission: "addDocument" },
  { segment: "codebooks", name: "Codebooks", permission: "readWorkspace" },
  { segment: "collections", name: "Collections", permission: "readWorkspace" },
  { segment: "assignments", name: "Assignments", permission: "readWorkspace" },
  { segment: "members", name: "Members", permission: "readWorkspace" },
  { segment: "review", name: "Review", permission: "annotate" },
  { segment: "audit", name: "Audit log", permission: "readAuditLog" },
];

type WorkspaceNavProps = { workspaceId: string; role: Role; current: string };

export function WorkspaceNav({ workspaceId, role, current }: WorkspaceNavProps) {
  return (
    <nav aria-label="Workspace sections" className="border-b border-stone-300">
      <ul className="flex flex-wrap gap-1">
        {workspaceSections
          .filter((section) => can(role, section.permission))
          .map((section) => {
            const isCurrent = section.segment === current;
            return (
              <li key={section.segment}>
                <Link
                  href={`/workspaces/${workspaceId}${section.segment ? `/${section.segment}` : ""}`}
                  aria-current={isCurrent ? "page" : undefined}
                  className={`-mb-px block border-b-2 px-3 py-2 text-sm ${isCurrent ? "border-sky-800 font-semibold" : "border-transparent text-stone-700 hover:border-stone-400"}`}
                >
                  {section.name}
                </Link>
              </li>
            );
          })}
      </ul>
    </nav>
  );
}
