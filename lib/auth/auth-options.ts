import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { verifyCredentials } from "@/lib/server/user/verify-credentials";

import { getClientAddress } from "./client-address";

let options: NextAuthOptions | undefined;

// Built on first use rather than at import, so `next build` needs no secret.
export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: getEnv().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
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
            return await verifyCredentials({
              email: credentials?.email,
              password: credentials?.password,
              address: getClientAddress(request.headers ?? {}),
            });
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
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.name = user.name;
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
  };
  return options;
}
