import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { createApiTokenSchema } from "@/lib/validations/api-token";
import { makeWorkspaceWithRoles } from "@/tests/factories";

import { hashApiTokenSecret } from "./api-token-secret";
import { createApiToken } from "./create-api-token";
import { listApiTokens } from "./list-api-tokens";
import { revokeApiToken } from "./revoke-api-token";

let ctx: Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;

beforeAll(async () => {
  ctx = await makeWorkspaceWithRoles();
});

function input(values: Partial<Record<"name" | "scope" | "expiresInDays", string>> = {}) {
  return createApiTokenSchema.parse({
    name: "Nightly export script",
    workspaceId: ctx.workspace.id,
    scope: "READ",
    expiresInDays: "",
    ...values,
  });
}

describe("API tokens", () => {
  it("returns the secret once and stores only its SHA-256 and a short prefix", async () => {
    const { token, secret } = await createApiToken({ userId: ctx.annotator.id, input: input() });

    expect(secret).toMatch(/^fw_[A-Za-z0-9_-]{43}$/);
    const stored = await getDb().apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(stored.tokenHash).toBe(hashApiTokenSecret(secret));
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.prefix).toBe(secret.slice(0, 11));
    expect(Object.values(stored)).not.toContain(secret);
    expect(stored).toMatchObject({
      userId: ctx.annotator.id,
      workspaceId: ctx.workspace.id,
      scope: "READ",
      expiresAt: null,
      revokedAt: null,
      lastUsedAt: null,
    });

    const listed = await listApiTokens({ userId: ctx.annotator.id });
    const item = listed.find((candidate) => candidate.id === token.id);
    expect(item).toMatchObject({ prefix: stored.prefix, workspace: { name: "Class 9B" } });
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(JSON.stringify(listed)).not.toContain(stored.tokenHash);

    const audit = await getDb().auditEvent.findFirst({
      where: { action: "api-token.create", actorId: ctx.annotator.id },
    });
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect(audit?.after).toMatchObject({ tokenId: token.id, scope: "READ" });
  });

  it("makes each secret different", async () => {
    const [a, b] = await Promise.all([
      createApiToken({ userId: ctx.owner.id, input: input() }),
      createApiToken({ userId: ctx.owner.id, input: input() }),
    ]);
    expect(a.secret).not.toBe(b.secret);
  });

  it("sets the expiry from a number of days", async () => {
    const now = new Date("2026-03-01T12:00:00.000Z");
    const { token } = await createApiToken({
      userId: ctx.editor.id,
      input: input({ expiresInDays: "30" }),
      now,
    });
    expect(token.expiresAt?.toISOString()).toBe("2026-03-31T12:00:00.000Z");
  });

  it("lets viewers create read-only tokens only, and refuses outsiders as not found", async () => {
    await expect(
      createApiToken({ userId: ctx.viewer.id, input: input({ scope: "READ" }) }),
    ).resolves.toHaveProperty("secret");
    await expect(
      createApiToken({ userId: ctx.viewer.id, input: input({ scope: "READ_WRITE" }) }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      fieldErrors: { scope: [expect.stringMatching(/read-only/)] },
    });
    await expect(
      createApiToken({ userId: ctx.annotator.id, input: input({ scope: "READ_WRITE" }) }),
    ).resolves.toHaveProperty("token.scope", "READ_WRITE");
    await expect(createApiToken({ userId: ctx.outsider.id, input: input() })).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );
    expect(await getDb().apiToken.count({ where: { userId: ctx.outsider.id } })).toBe(0);
  });

  it("validates the form: name, workspace, scope and expiry get clear messages", () => {
    const result = createApiTokenSchema.safeParse({
      name: "  ",
      workspaceId: "",
      scope: "ADMIN",
      expiresInDays: "400",
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(
      (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]),
    );
    expect(messages).toEqual({
      name: expect.stringMatching(/Give the token a name/),
      workspaceId: expect.stringMatching(/Choose the workspace/),
      scope: expect.stringMatching(/Choose what the token may do/),
      expiresInDays: expect.stringMatching(/at most 365 days/),
    });
    expect(
      createApiTokenSchema.safeParse({
        ...input(),
        workspaceId: ctx.workspace.id,
        expiresInDays: "soon",
      }).error?.issues[0]?.message,
    ).toMatch(/number of days/);
  });

  it("revokes a token once, for its owner only", async () => {
    const { token } = await createApiToken({ userId: ctx.editor.id, input: input() });

    await expect(revokeApiToken({ userId: ctx.owner.id, tokenId: token.id })).rejects.toMatchObject(
      {
        code: "NOT_FOUND",
      },
    );

    const revoked = await revokeApiToken({ userId: ctx.editor.id, tokenId: token.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    const stored = await getDb().apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(stored.revokedAt?.getTime()).toBe(revoked.revokedAt.getTime());

    await expect(
      revokeApiToken({ userId: ctx.editor.id, tokenId: token.id }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/already revoked/),
    });

    expect(
      await getDb().auditEvent.count({
        where: { action: "api-token.revoke", actorId: ctx.editor.id },
      }),
    ).toBe(1);
  });
});
