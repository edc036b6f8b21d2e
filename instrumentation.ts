import type { Instrumentation } from "next";

// Errors thrown while rendering a page or running a server action. A page cannot set its
// own status, so a lost database is reported here and proxy.ts answers the following pages
// with 503 "try again" until it is back (lib/db/database-health.ts).
export const onRequestError: Instrumentation.onRequestError = async (error) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") {
    return;
  }
  const { reportDatabaseError } = await import("@/lib/db/database-health");
  reportDatabaseError(error);
};
