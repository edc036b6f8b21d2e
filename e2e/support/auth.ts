import type { APIRequestContext } from "@playwright/test";

// Signs in through next-auth's credentials endpoint; the session cookie lands in the
// request context, which the page in the same browser context shares.
export async function signInViaApi(request: APIRequestContext, email: string, password: string) {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };

  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
  });

  if (!response.ok()) {
    throw new Error(`Sign-in failed for ${email}: ${response.status()}`);
  }

  const session = (await (await request.get("/api/auth/session")).json()) as {
    user?: { id?: string };
  };
  if (!session.user?.id) {
    throw new Error(`Sign-in did not create a session for ${email}`);
  }
}
