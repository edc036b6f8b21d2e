import "server-only";

import { notFound } from "next/navigation";

import { AppError } from "@/lib/errors/app-error";

// Pages render Next's 404 for anything the viewer may not see.
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) {
      notFound();
    }
    throw error;
  }
}
