import { NextResponse, type NextRequest } from "next/server";

import { isDatabaseDown } from "@/lib/db/database-health";
import { getEnv } from "@/lib/env";
import {
  databaseUnavailableRetryAfterSeconds,
  renderDatabaseUnavailablePage,
} from "@/lib/http/database-unavailable-page";
import { buildContentSecurityPolicy, createNonce } from "@/lib/security/content-security-policy";

// Runs before every page: a fresh CSP nonce per request (Next.js reads it from the
// request's policy header and puts it on its own scripts), HSTS when the app is served
// over HTTPS, and a 503 "try again" page while the database is down (lib/db/database-health:
// no query while it is up).
export async function proxy(request: NextRequest) {
  const env = getEnv();
  const nonce = createNonce();
  const policy = buildContentSecurityPolicy({
    nonce,
    isDevelopment: env.NODE_ENV === "development",
  });

  if (await isDatabaseDown()) {
    return new NextResponse(renderDatabaseUnavailablePage({ nonce }), {
      status: 503,
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-store",
        "Retry-After": String(databaseUnavailableRetryAfterSeconds),
        "Content-Security-Policy": policy,
      },
    });
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (env.NODE_ENV === "production" && env.NEXTAUTH_URL?.startsWith("https://")) {
    response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  return response;
}

export const config = {
  // Pages only: static files and the JSON API carry no HTML to protect.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
