"use client";

import { useActionState } from "react";

import { ActionButton } from "@/components/classes/action-button";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { changeMemberRoleAction } from "@/lib/actions/change-member-role";
import { removeMemberAction } from "@/lib/actions/remove-member";
import { setDisplayNameAction } from "@/lib/actions/set-display-name";
import { roleNames } from "@/lib/auth/roles";
import type { MemberRow } from "@/lib/server/membership/list-members";
import { displayNameMax } from "@/lib/validations/membership";

type MemberListProps = {
  workspaceId: string;
  members: MemberRow[];
  isInstructor: boolean;
  isOwner: boolean;
};

const roles = ["OWNER", "EDITOR", "ANNOTATOR", "VIEWER"] as const;

function RoleForm({
  workspaceId,
  member,
  isOwner,
}: {
  workspaceId: string;
  member: MemberRow;
  isOwner: boolean;
}) {
  const [state, formAction, isPending] = useActionState(changeMemberRoleAction, null);
  const id = `role-${member.userId}`;
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="userId" value={member.userId} />
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="sr-only">
          Role of {member.name}
        </label>
        <select
          id={id}
          name="role"
          defaultValue={member.role}
          className="rounded-md border border-stone-400 bg-white px-2 py-1 text-sm"
        >
          {roles
            .filter(
              (role) =>
                isOwner || (role !== "OWNER" && member.role !== "OWNER") || role === member.role,
            )
            .map((role) => (
              <option key={role} value={role}>
                {roleNames[role]}
              </option>
            ))}
        </select>
        <Button
          type="submit"
          variant="secondary"
          disabled={isPending}
          aria-label={`Change role of ${member.name}`}
        >
          Change role
        </Button>
      </div>
      {state && !state.ok ? <FormMessage message={state.message} /> : null}
      {state?.ok ? <FormMessage tone="info" message={state.data} /> : null}
    </form>
  );
}

function DisplayNameForm({ workspaceId, member }: { workspaceId: string; member: MemberRow }) {
  const [state, formAction, isPending] = useActionState(setDisplayNameAction, null);
  const id = `display-${member.userId}`;
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="userId" value={member.userId} />
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="sr-only">
          Display name of {member.isYou ? "you" : member.name}
        </label>
        <input
          id={id}
          name="displayName"
          defaultValue={failed?.values.displayName ?? member.displayName ?? ""}
          placeholder={member.accountName ?? "Display name"}
          maxLength={displayNameMax}
          aria-invalid={failed ? true : undefined}
          aria-describedby={`${id}-error`}
          className="w-40 rounded-md border border-stone-400 bg-white px-2 py-1 text-sm"
        />
        <Button
          type="submit"
          variant="secondary"
          disabled={isPending}
          aria-label={`Save name for ${member.isYou ? "yourself" : member.name}`}
        >
          Save name
        </Button>
      </div>
      <div id={`${id}-error`}>
        {failed ? (
          <FormMessage message={failed.fieldErrors.displayName?.[0] ?? failed.message} />
        ) : null}
        {state?.ok ? <FormMessage tone="info" message={state.data} /> : null}
      </div>
    </form>
  );
}

// Everyone sees who is in the class (display names, no emails); instructors also manage
// roles, display names and membership; everyone can set their own display name or leave.
export function MemberList({ workspaceId, members, isInstructor, isOwner }: MemberListProps) {
  return (
    <section aria-labelledby="members-heading" className="flex flex-col gap-2">
      <h2 id="members-heading" className="text-lg font-semibold">
        Members ({members.length})
      </h2>
      <ul className="flex flex-col gap-2">
        {members.map((member) => (
          <li
            key={member.userId}
            className="flex flex-col gap-2 rounded-lg border border-stone-300 bg-white p-3 md:flex-row md:items-start md:justify-between"
            data-testid="member-row"
          >
            <div className="flex flex-col">
              <span className="font-medium">
                {member.name}
                {member.isYou ? " (you)" : ""}
              </span>
              <span className="text-sm text-stone-600">
                {roleNames[member.role]}
                {member.email ? ` · ${member.accountName} · ${member.email}` : ""}
              </span>
            </div>
            <div className="flex flex-col gap-2 md:items-end">
              {isInstructor || member.isYou ? (
                <DisplayNameForm workspaceId={workspaceId} member={member} />
              ) : null}
              {isInstructor && !member.isYou ? (
                <RoleForm workspaceId={workspaceId} member={member} isOwner={isOwner} />
              ) : null}
              {isInstructor && !member.isYou && (isOwner || member.role !== "OWNER") ? (
                <ActionButton
                  action={removeMemberAction}
                  fields={{ workspaceId, userId: member.userId }}
                  label="Remove"
                  variant="danger"
                  confirm={`Remove ${member.name} from the workspace?`}
                  ariaLabel={`Remove ${member.name}`}
                />
              ) : null}
              {member.isYou ? (
                <ActionButton
                  action={removeMemberAction}
                  fields={{ workspaceId, userId: member.userId }}
                  label="Leave workspace"
                  variant="danger"
                  confirm="Leave this workspace? You will need a new invitation to come back."
                />
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
