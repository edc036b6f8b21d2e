import { encode } from "next-auth/jwt";
import type * as NextServer from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { verifyPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db/client";
import { changePassword } from "@/lib/server/user/change-password";
import { createUser } from "@/lib/server/user/create-user";
import { makeUser, testPassword } from "@/tests/factories";

import { createUserSession } from "./create-user-session";
import { endOtherSessions, endUserSession, revokeUserSession } from "./end-user-sessions";
import { findActiveSession, isSessionActive } from "./find-active-session";
import { listUserSessions } from "./list-user-sessions";

// getSessionUser reads the cookie jar; each test puts a cookie (or none) in it.
const jar = vi.hoisted(() => ({ cookies: [] as { name: string; value: string }[] }));
vi.mock("next/headers", () => ({
  cookies: () => Promise.resolve({ getAll: () => jar.cookies }),
}));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  connection: () => Promise.resolve(),
}));

const { getSessionUser } = await import("@/lib/auth/session");
const { getAuthOptions } = await import("@/lib/auth/auth-options");

const firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0";

async function signedIn(name: string) {
  const user = await makeUser(name);
  const sessionId = await createUserSession({
    userId: user.id,
    userAgent: firefox,
    ipAddress: "127.0.0.9",
  });
  return { user, sessionId };
}

async function putSessionCookie(token: Record<string, unknown>) {
  const value = await encode({ token, secret: process.env.NEXTAUTH_SECRET ?? "" });
  jar.cookies = [{ name: "next-auth.session-token", value }];
}

beforeEach(() => {
  jar.cookies = [];
});

describe("user sessions", () => {
  it("finds an active session with its user, and not a revoked one or someone else's", async () => {
    const { user, sessionId } = await signedIn("Active");
    const other = await makeUser("Other");

    await expect(findActiveSession({ sessionId, userId: user.id })).resolves.toEqual({
      sessionId,
      user: { id: user.id, name: "Active", email: user.email },
    });
    await expect(findActiveSession({ sessionId, userId: other.id })).resolves.toBeNull();

    await revokeUserSession(sessionId);
    await expect(findActiveSession({ sessionId, userId: user.id })).resolves.toBeNull();
    await expect(isSessionActive(sessionId)).resolves.toBe(false);
    await expect(isSessionActive("no-such-session")).resolves.toBe(false);
  });

  it("writes last seen at most once a minute", async () => {
    const { user, sessionId } = await signedIn("Seen");
    const db = getDb();
    const fresh = await db.userSession.findUniqueOrThrow({ where: { id: sessionId } });

    await findActiveSession({ sessionId, userId: user.id });
    const untouched = await db.userSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(untouched.lastSeenAt).toEqual(fresh.lastSeenAt);

    const old = new Date(Date.now() - 5 * 60_000);
    await db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: old } });
    await findActiveSession({ sessionId, userId: user.id });
    const touched = await db.userSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(touched.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });

  it("lists only the caller's live sessions, this one first", async () => {
    const { user, sessionId: first } = await signedIn("Lister");
    const second = await createUserSession({ userId: user.id, userAgent: "", ipAddress: null });
    const ended = await createUserSession({ userId: user.id, userAgent: "", ipAddress: null });
    await revokeUserSession(ended);
    await signedIn("Stranger");

    const sessions = await listUserSessions({ userId: user.id, currentSessionId: second });

    expect(sessions.map((session) => [session.id, session.isCurrent])).toEqual([
      [second, true],
      [first, false],
    ]);
    expect(sessions[1]).toMatchObject({ userAgent: firefox, ipAddress: "127.0.0.9" });
  });

  it("ends one session, answers not found for someone else's, and ends all others", async () => {
    const { user, sessionId: current } = await signedIn("Ender");
    const laptop = await createUserSession({ userId: user.id, userAgent: "", ipAddress: null });
    const phone = await createUserSession({ userId: user.id, userAgent: "", ipAddress: null });
    const { user: stranger, sessionId: strangers } = await signedIn("Stranger");

    await expect(endUserSession({ userId: user.id, sessionId: strangers })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(isSessionActive(strangers)).resolves.toBe(true);

    await endUserSession({ userId: user.id, sessionId: laptop });
    await expect(isSessionActive(laptop)).resolves.toBe(false);
    await expect(endUserSession({ userId: user.id, sessionId: laptop })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    await expect(endOtherSessions({ userId: user.id, currentSessionId: current })).resolves.toBe(1);
    await expect(isSessionActive(phone)).resolves.toBe(false);
    await expect(isSessionActive(current)).resolves.toBe(true);
    await expect(
      findActiveSession({ sessionId: strangers, userId: stranger.id }),
    ).resolves.not.toBeNull();

    const events = await getDb().auditEvent.findMany({
      where: { actorId: user.id, action: { startsWith: "user.session" } },
      select: { action: true },
    });
    expect(events.map((event) => event.action).sort()).toEqual([
      "user.session.end",
      "user.session.end-others",
      "user.session.start",
      "user.session.start",
      "user.session.start",
    ]);
  });
});

describe("getSessionUser", () => {
  it("accepts a cookie whose session is active, and signs out an ended or missing one", async () => {
    const { user, sessionId } = await signedIn("Cookie");

    await putSessionCookie({ sub: user.id, name: user.name, sid: sessionId });
    await expect(getSessionUser()).resolves.toEqual({
      id: user.id,
      name: "Cookie",
      email: user.email,
      sessionId,
    });

    await putSessionCookie({ sub: user.id, name: user.name });
    await expect(getSessionUser()).resolves.toBeNull();

    await putSessionCookie({ sub: user.id, name: user.name, sid: sessionId });
    await revokeUserSession(sessionId);
    await expect(getSessionUser()).resolves.toBeNull();
  });

  it("refuses a cookie that was not made with the app's secret", async () => {
    const { user, sessionId } = await signedIn("Forged");
    const value = await encode({
      token: { sub: user.id, sid: sessionId },
      secret: "some-other-secret-some-other-secret",
    });
    jar.cookies = [{ name: "next-auth.session-token", value }];

    await expect(getSessionUser()).resolves.toBeNull();
  });
});

describe("next-auth callbacks", () => {
  it("puts the session id in the token at sign-in and refuses it once ended", async () => {
    const { user, sessionId } = await signedIn("Callback");
    const jwt = getAuthOptions().callbacks?.jwt;
    if (!jwt) {
      throw new Error("no jwt callback");
    }

    const token = await jwt({
      token: {},
      user: { id: user.id, name: user.name, email: user.email, sessionId },
      account: null,
    });
    expect(token).toMatchObject({ sub: user.id, sid: sessionId });
    await expect(jwt({ token, account: null } as never)).resolves.toMatchObject({ sid: sessionId });

    await getAuthOptions().events?.signOut?.({ token, session: null as never });
    await expect(isSessionActive(sessionId)).resolves.toBe(false);
    await expect(jwt({ token, account: null } as never)).rejects.toThrow(/ended/);
  });
});

describe("passwords", () => {
  it("refuses a common password at sign-up with a message on the password field", async () => {
    await expect(
      createUser({ name: "Common", email: "common@example.org", password: "1234567890" }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { password: [expect.stringMatching(/common passwords/)] },
    });
    await expect(getDb().user.count({ where: { email: "common@example.org" } })).resolves.toBe(0);
  });

  it("changes the password, ends every other session and keeps this one", async () => {
    const { user, sessionId: current } = await signedIn("Changer");
    const other = await createUserSession({ userId: user.id, userAgent: "", ipAddress: null });
    const newPassword = "a brand new passphrase";

    await expect(
      changePassword({
        userId: user.id,
        currentSessionId: current,
        input: { currentPassword: testPassword, newPassword },
      }),
    ).resolves.toEqual({ endedSessions: 1 });

    await expect(isSessionActive(other)).resolves.toBe(false);
    await expect(isSessionActive(current)).resolves.toBe(true);
    const { passwordHash } = await getDb().user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true },
    });
    await expect(verifyPassword(passwordHash, newPassword)).resolves.toBe(true);
    await expect(verifyPassword(passwordHash, testPassword)).resolves.toBe(false);
  });

  it("refuses a wrong current password, a common or unchanged new one, and changes nothing", async () => {
    const { user, sessionId } = await signedIn("Refused");
    const other = await createUserSession({ userId: user.id, userAgent: "", ipAddress: null });
    const attempt = (currentPassword: string, newPassword: string) =>
      changePassword({
        userId: user.id,
        currentSessionId: sessionId,
        input: { currentPassword, newPassword },
      });

    await expect(attempt("not my password", "a brand new passphrase")).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { currentPassword: ["Your current password is not right."] },
    });
    await expect(attempt(testPassword, "qwertyuiop")).rejects.toMatchObject({
      fieldErrors: { newPassword: [expect.stringMatching(/common passwords/)] },
    });
    await expect(attempt(testPassword, testPassword)).rejects.toMatchObject({
      fieldErrors: { newPassword: [expect.stringMatching(/differs/)] },
    });

    await expect(isSessionActive(other)).resolves.toBe(true);
    const { passwordHash } = await getDb().user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true },
    });
    await expect(verifyPassword(passwordHash, testPassword)).resolves.toBe(true);
  });

  it("counts wrong current passwords like failed sign-ins, so they cannot be guessed here", async () => {
    const { user, sessionId } = await signedIn("Guessed");
    const guess = () =>
      changePassword({
        userId: user.id,
        currentSessionId: sessionId,
        input: { currentPassword: "guess guess", newPassword: "a brand new passphrase" },
      });

    for (let attempt = 0; attempt < 5; attempt += 1) {
      await expect(guess()).rejects.toMatchObject({ code: "INVALID_INPUT" });
    }
    await expect(
      changePassword({
        userId: user.id,
        currentSessionId: sessionId,
        input: { currentPassword: testPassword, newPassword: "a brand new passphrase" },
      }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});
