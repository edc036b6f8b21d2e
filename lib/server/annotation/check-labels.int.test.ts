import { describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { getLabelIds, makeWorkspaceWithRoles } from "@/tests/factories";

import { checkLabels } from "./check-labels";

describe("checkLabels", () => {
  it("accepts the published codebook's labels and refuses a superseded version's with a conflict", async () => {
    const ctx = await makeWorkspaceWithRoles();
    const labels = await getLabelIds(ctx.workspace.id);
    const critical = labels["stance:critical"] as string;
    const db = getDb();

    await expect(
      db.$transaction((tx) =>
        checkLabels({ tx, workspaceId: ctx.workspace.id, labelIds: [critical] }),
      ),
    ).resolves.toEqual([critical]);

    await db.codebook.updateMany({
      where: { workspaceId: ctx.workspace.id },
      data: { status: "ARCHIVED" },
    });
    await expect(
      db.$transaction((tx) =>
        checkLabels({ tx, workspaceId: ctx.workspace.id, labelIds: [critical] }),
      ),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Reload the page"),
    });

    // Another workspace's label is unknown, not a conflict.
    const other = await getLabelIds(ctx.otherWorkspace.id);
    await expect(
      db.$transaction((tx) =>
        checkLabels({
          tx,
          workspaceId: ctx.workspace.id,
          labelIds: [other["stance:critical"] as string],
        }),
      ),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
