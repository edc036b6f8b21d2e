import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { joinWorkspaceSchema, updateJoinCodeSchema } from "@/lib/validations/membership";
import { makeUser, makeWorkspaceWithRoles } from "@/tests/factories";

import { changeMemberRole } from "./change-member-role";
import { findJoinCode } from "./find-join-code";
import { joinWorkspace } from "./join-workspace";
import { listMembers } from "./list-members";
import { removeMember } from "./remove-member";
import { setDisplayName } from "./set-display-name";
import { updateJoinCode } from "./update-join-code";

let ctx: Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;

function codeAction(action: "create" | "rotate" | "enable" | "disable", expiresIn = "never") {
  return updateJoinCodeSchema.parse({ workspaceId: ctx.workspace.id, action, expiresIn });
}

async function membershipOf(userId: string, workspaceId = ctx.workspace.id) {
  return getDb().membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
}

beforeAll(async () => {
  ctx = await makeWorkspaceWithRoles();
});

describe("join codes", () => {
  it("lets an instructor create a code that a new person joins with as a student", async () => {
    const state = await updateJoinCode({ userId: ctx.editor.id, input: codeAction("create", "7") });
    expect(state.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(state.enabled).toBe(true);
    expect(state.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);

    const student = await makeUser("Joiner");
    const typed = `${state.code!.slice(0, 4).toLowerCase()}-${state.code!.slice(4)}`;
    const joined = await joinWorkspace({
      userId: student.id,
      input: joinWorkspaceSchema.parse({ code: typed, displayName: "Jo" }),
    });

    expect(joined).toMatchObject({ workspaceId: ctx.workspace.id, alreadyMember: false });
    expect(await membershipOf(student.id)).toMatchObject({ role: "ANNOTATOR", displayName: "Jo" });
    const audit = await getDb().auditEvent.findFirst({
      where: { workspaceId: ctx.workspace.id, action: "workspace.join", actorId: student.id },
    });
    expect(audit).not.toBeNull();
  });

  it("treats joining twice as a no-op with a flag the page turns into a message", async () => {
    const { code } = await updateJoinCode({ userId: ctx.owner.id, input: codeAction("rotate") });
    const again = await joinWorkspace({
      userId: ctx.annotator.id,
      input: joinWorkspaceSchema.parse({ code }),
    });

    expect(again.alreadyMember).toBe(true);
    expect(await membershipOf(ctx.annotator.id)).toMatchObject({ role: "ANNOTATOR" });
    const owner = await joinWorkspace({
      userId: ctx.owner.id,
      input: joinWorkspaceSchema.parse({ code }),
    });
    expect(owner.alreadyMember).toBe(true);
    expect(await membershipOf(ctx.owner.id)).toMatchObject({ role: "OWNER" });
  });

  it("refuses the old code after a rotation, naming it, and accepts the new one", async () => {
    const first = await updateJoinCode({ userId: ctx.owner.id, input: codeAction("rotate") });
    const second = await updateJoinCode({ userId: ctx.owner.id, input: codeAction("rotate") });
    expect(second.code).not.toBe(first.code);

    const late = await makeUser("Late");
    await expect(
      joinWorkspace({ userId: late.id, input: joinWorkspaceSchema.parse({ code: first.code }) }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringMatching(/No class uses the join code/),
    });
    expect(await membershipOf(late.id)).toBeNull();

    await joinWorkspace({
      userId: late.id,
      input: joinWorkspaceSchema.parse({ code: second.code }),
    });
    expect(await membershipOf(late.id)).not.toBeNull();
  });

  it("refuses a switched-off code, and accepts it again once switched on", async () => {
    const { code } = await updateJoinCode({ userId: ctx.owner.id, input: codeAction("rotate") });
    await updateJoinCode({ userId: ctx.owner.id, input: codeAction("disable") });
    const person = await makeUser("Blocked");

    await expect(
      joinWorkspace({ userId: person.id, input: joinWorkspaceSchema.parse({ code }) }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/switched off/) });
    await expect(findJoinCode(code!)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await membershipOf(person.id)).toBeNull();

    const enabled = await updateJoinCode({ userId: ctx.owner.id, input: codeAction("enable") });
    expect(enabled.code).toBe(code);
    await joinWorkspace({ userId: person.id, input: joinWorkspaceSchema.parse({ code }) });
    expect(await membershipOf(person.id)).not.toBeNull();
  });

  it("refuses an expired code with its expiry in the message", async () => {
    const past = new Date(Date.now() - 2 * 86_400_000);
    const { code } = await updateJoinCode({
      userId: ctx.owner.id,
      input: codeAction("rotate", "1"),
      now: past,
    });
    const person = await makeUser("Too late");

    await expect(
      joinWorkspace({ userId: person.id, input: joinWorkspaceSchema.parse({ code }) }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/expired on \d{4}-\d{2}-\d{2}/),
    });
    expect(await membershipOf(person.id)).toBeNull();
  });

  it("refuses malformed codes at the schema and unknown ones with a clear message", async () => {
    expect(joinWorkspaceSchema.safeParse({ code: "short" }).success).toBe(false);
    expect(joinWorkspaceSchema.safeParse({ code: "ABCD-EFG0" }).success).toBe(false);
    await expect(findJoinCode("ZZZZ-ZZZZ")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets only instructors manage the code: students are forbidden, outsiders not found", async () => {
    await expect(
      updateJoinCode({ userId: ctx.annotator.id, input: codeAction("rotate") }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      updateJoinCode({ userId: ctx.outsider.id, input: codeAction("rotate") }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("roles and members", () => {
  it("lets an instructor change a student's role, and records it", async () => {
    const student = await makeUser("Promoted");
    await getDb().membership.create({
      data: { workspaceId: ctx.workspace.id, userId: student.id, role: "ANNOTATOR" },
    });

    await changeMemberRole({
      userId: ctx.editor.id,
      input: { workspaceId: ctx.workspace.id, userId: student.id, role: "VIEWER" },
    });
    expect((await membershipOf(student.id))?.role).toBe("VIEWER");
  });

  it("keeps owner changes for owners", async () => {
    await expect(
      changeMemberRole({
        userId: ctx.editor.id,
        input: { workspaceId: ctx.workspace.id, userId: ctx.annotator.id, role: "OWNER" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/Only an owner/) });
    await expect(
      changeMemberRole({
        userId: ctx.editor.id,
        input: { workspaceId: ctx.workspace.id, userId: ctx.owner.id, role: "EDITOR" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("does not let the last owner step down or leave, but lets them once there is another", async () => {
    await expect(
      changeMemberRole({
        userId: ctx.owner.id,
        input: { workspaceId: ctx.workspace.id, userId: ctx.owner.id, role: "EDITOR" },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/last owner/) });
    await expect(
      removeMember({
        userId: ctx.owner.id,
        input: { workspaceId: ctx.workspace.id, userId: ctx.owner.id },
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/last owner.*cannot leave/),
    });
    expect((await membershipOf(ctx.owner.id))?.role).toBe("OWNER");

    const coOwner = await makeUser("Co-owner");
    await getDb().membership.create({
      data: { workspaceId: ctx.workspace.id, userId: coOwner.id, role: "OWNER" },
    });
    await removeMember({
      userId: coOwner.id,
      input: { workspaceId: ctx.workspace.id, userId: coOwner.id },
    });
    expect(await membershipOf(coOwner.id)).toBeNull();
  });

  it("lets instructors remove students, and students only leave themselves", async () => {
    const [gone, other] = await Promise.all([makeUser("Removed"), makeUser("Other")]);
    await getDb().membership.createMany({
      data: [
        { workspaceId: ctx.workspace.id, userId: gone.id, role: "ANNOTATOR" },
        { workspaceId: ctx.workspace.id, userId: other.id, role: "ANNOTATOR" },
      ],
    });

    await expect(
      removeMember({ userId: other.id, input: { workspaceId: ctx.workspace.id, userId: gone.id } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await removeMember({
      userId: ctx.editor.id,
      input: { workspaceId: ctx.workspace.id, userId: gone.id },
    });
    expect(await membershipOf(gone.id)).toBeNull();
    await removeMember({
      userId: other.id,
      input: { workspaceId: ctx.workspace.id, userId: other.id },
    });
    expect(await membershipOf(other.id)).toBeNull();
  });

  it("shows classmates display names without emails, instructors the emails", async () => {
    await setDisplayName({
      userId: ctx.editor.id,
      input: { workspaceId: ctx.workspace.id, userId: ctx.annotator.id, displayName: "Annie" },
    });
    await expect(
      setDisplayName({
        userId: ctx.viewer.id,
        input: { workspaceId: ctx.workspace.id, userId: ctx.annotator.id, displayName: "x" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const asStudent = await listMembers({ userId: ctx.viewer.id, workspaceId: ctx.workspace.id });
    const annie = asStudent.members.find((member) => member.userId === ctx.annotator.id);
    expect(annie).toMatchObject({ name: "Annie", email: null, accountName: null });
    expect(asStudent.joinCode).toBeNull();
    expect(JSON.stringify(asStudent.members)).not.toContain(ctx.annotator.email);

    const asInstructor = await listMembers({
      userId: ctx.editor.id,
      workspaceId: ctx.workspace.id,
    });
    expect(asInstructor.members.find((m) => m.userId === ctx.annotator.id)?.email).toBe(
      ctx.annotator.email,
    );
    expect(asInstructor.joinCode).not.toBeNull();
  });
});

describe("an instructor of another class", () => {
  it("gets 'not found' for everything in this one", async () => {
    const other = ctx.outsider; // owner of otherWorkspace
    const target = { workspaceId: ctx.workspace.id, userId: ctx.annotator.id };

    await expect(
      updateJoinCode({ userId: other.id, input: codeAction("rotate") }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      changeMemberRole({ userId: other.id, input: { ...target, role: "VIEWER" } }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(removeMember({ userId: other.id, input: target })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      setDisplayName({ userId: other.id, input: { ...target, displayName: "x" } }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      listMembers({ userId: other.id, workspaceId: ctx.workspace.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await membershipOf(ctx.annotator.id))?.role).toBe("ANNOTATOR");
  });
});
