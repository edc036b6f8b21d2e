import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { makeUser, testPassword } from "@/tests/factories";

import { createUser } from "./create-user";
import { throttlePolicy } from "./sign-in-throttle";
import { verifyCredentials } from "./verify-credentials";

function uniqueAddress() {
  return `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}`;
}

describe("sign-up and sign-in", () => {
  it("stores an argon2id hash, never the password, and signs in with the right password", async () => {
    const user = await makeUser("Ada");
    const stored = await getDb().user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true },
    });

    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(testPassword);
    await expect(
      verifyCredentials({ email: user.email, password: testPassword, address: uniqueAddress() }),
    ).resolves.toEqual({
      id: user.id,
      email: user.email,
      name: "Ada",
    });
  });

  it("normalises the email's case and spaces", async () => {
    const user = await makeUser("Case");
    const shouted = `  ${user.email.toUpperCase()} `;

    await expect(
      verifyCredentials({ email: shouted, password: testPassword, address: uniqueAddress() }),
    ).resolves.toMatchObject({ id: user.id });
  });

  it("omits the password hash from ordinary queries", async () => {
    const user = await makeUser("Omit");
    const row = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });

    expect(row).not.toHaveProperty("passwordHash");
  });

  it("refuses a second account with the same email without a database error", async () => {
    const user = await makeUser("Twice");
    const attempt = createUser({ name: "Again", email: user.email, password: "another password" });

    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    const user = await makeUser("Same");

    const wrongPassword = await verifyCredentials({
      email: user.email,
      password: "wrong password!",
      address: uniqueAddress(),
    });
    const unknownEmail = await verifyCredentials({
      email: `nobody-${randomUUID()}@example.org`,
      password: testPassword,
      address: uniqueAddress(),
    });

    expect(wrongPassword).toBeNull();
    expect(unknownEmail).toBeNull();
  });

  it("locks an account after repeated failures, even for the right password, and says when to retry", async () => {
    const user = await makeUser("Locked");

    for (let attempt = 0; attempt < throttlePolicy.maxFailuresPerAccount; attempt += 1) {
      await expect(
        verifyCredentials({
          email: user.email,
          password: "wrong password!",
          address: uniqueAddress(),
        }),
      ).resolves.toBeNull();
    }

    const locked = verifyCredentials({
      email: user.email,
      password: testPassword,
      address: uniqueAddress(),
    });
    await expect(locked).rejects.toBeInstanceOf(AppError);
    await expect(locked).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/Try again in 15 minutes/),
    });
  });

  it("locks unknown emails the same way, so a lockout does not reveal whether an account exists", async () => {
    const email = `ghost-${randomUUID()}@example.org`;

    for (let attempt = 0; attempt < throttlePolicy.maxFailuresPerAccount; attempt += 1) {
      await verifyCredentials({ email, password: "wrong password!", address: uniqueAddress() });
    }

    await expect(
      verifyCredentials({ email, password: "wrong password!", address: uniqueAddress() }),
    ).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
  });

  it("limits failures per address across many accounts", async () => {
    const address = uniqueAddress();

    for (let attempt = 0; attempt < throttlePolicy.maxFailuresPerAddress; attempt += 1) {
      await verifyCredentials({
        email: `spray-${attempt}-${randomUUID()}@example.org`,
        password: "guess",
        address,
      });
    }

    const user = await makeUser("Bystander");
    await expect(
      verifyCredentials({ email: user.email, password: testPassword, address }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(
      verifyCredentials({ email: user.email, password: testPassword, address: uniqueAddress() }),
    ).resolves.toMatchObject({
      id: user.id,
    });
  });

  it("clears an account's failures after a successful sign-in", async () => {
    const user = await makeUser("Recovers");

    for (let attempt = 0; attempt < throttlePolicy.maxFailuresPerAccount - 1; attempt += 1) {
      await verifyCredentials({
        email: user.email,
        password: "wrong password!",
        address: uniqueAddress(),
      });
    }
    await verifyCredentials({
      email: user.email,
      password: testPassword,
      address: uniqueAddress(),
    });
    await verifyCredentials({
      email: user.email,
      password: "wrong password!",
      address: uniqueAddress(),
    });

    await expect(
      verifyCredentials({ email: user.email, password: testPassword, address: uniqueAddress() }),
    ).resolves.toMatchObject({
      id: user.id,
    });
  });
});
