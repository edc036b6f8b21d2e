import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { verifyCredentials } from "@/lib/server/user/verify-credentials";
import { createUserSession } from "@/lib/server/user-session/create-user-session";
import { revokeUserSession } from "@/lib/server/user-session/end-user-sessions";
import { isSessionActive } from "@/lib/server/user-session/find-active-session";
import { sessionPolicy } from "@/lib/server/user-session/session-policy";

import { getClientAddress } from "./client-address";

let options: NextAuthOptions | undefined;

// Thrown by the jwt callback for an ended session: next-auth then clears the cookie.
class SessionEndedError extends Error {
  constructor() {
    super("This session was ended.");
    this.name = "SessionEndedError";
  }
}

function readHeader(headers: Record<string, unknown> | undefined, name: string): string | null {
  const value = headers?.[name];
  return typeof value === "string" ? value : null;
}

// Built on first use rather than at import, so `next build` needs no secret.
export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: getEnv().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: sessionPolicy.maxAgeSeconds },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, request) {
          try {
            const address = getClientAddress(request.headers ?? {});
            const user = await verifyCredentials({
              email: credentials?.email,
              password: credentials?.password,
              address,
            });
            if (!user) {
              return null;
            }
            const sessionId = await createUserSession({
              userId: user.id,
              userAgent: readHeader(request.headers, "user-agent"),
              ipAddress: address,
            });
            return { ...user, sessionId };
          } catch (error) {
            // next-auth passes a thrown message to the client as `error`.
            if (error instanceof AppError && error.code === "RATE_LIMITED") {
              throw new Error(error.message);
            }
            console.error("[auth] sign-in failed", error);
            throw new Error("Signing in is not possible right now. Please try again.");
          }
        },
      }),
    ],
    callbacks: {
      // Server code reads the session through lib/auth/session.ts, which checks the session
      // row itself; this check is for /api/auth/session, the browser's view of it. When the
      // database cannot answer, the cookie is kept: an outage must not sign everyone out.
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.name = user.name;
          token.sid = user.sessionId;
          return token;
        }
        if (!token.sid || (await isSessionActive(token.sid)) === false) {
          throw new SessionEndedError();
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) {
          session.user.id = token.sub;
        }
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (token.sid) {
          await revokeUserSession(token.sid);
        }
      },
    },
    logger: {
      error(code, metadata) {
        // An ended session is an expected outcome, not an error worth logging.
        if ((metadata as { name?: unknown } | undefined)?.name === "SessionEndedError") {
          return;
        }
        console.error(`[next-auth] ${code}`, metadata);
      },
      warn(code) {
        console.warn(`[next-auth] ${code}`);
      },
      debug() {},
    },
  };
  return options;
}
