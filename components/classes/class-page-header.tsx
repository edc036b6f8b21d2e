import Link from "next/link";

import { WorkspaceNav } from "@/components/layout/workspace-nav";
import type { Role } from "@/lib/db/generated/enums";

type ClassPageHeaderProps = {
  workspaceId: string;
  workspaceName: string;
  role: Role;
  current: "assignments" | "members";
  title: string;
  // Links above the title, after the workspace: [label, href].
  trail?: [string, string][];
};

export function ClassPageHeader({
  workspaceId,
  workspaceName,
  role,
  current,
  title,
  trail = [],
}: ClassPageHeaderProps) {
  return (
    <div className="flex flex-col gap-4">
      <div>
        <p className="text-sm text-stone-600">
          <Link href={`/workspaces/${workspaceId}`} className="underline">
            {workspaceName}
          </Link>
          {trail.map(([label, href]) => (
            <span key={href}>
              {" / "}
              <Link href={href} className="underline">
                {label}
              </Link>
            </span>
          ))}
        </p>
        <h1 className="text-2xl font-semibold">{title}</h1>
      </div>
      <WorkspaceNav workspaceId={workspaceId} role={role} current={current} />
    </div>
  );
}
