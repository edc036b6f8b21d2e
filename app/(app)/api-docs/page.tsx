import type { Metadata } from "next";
import { headers } from "next/headers";

import { buildOpenApiDocument } from "@/lib/api/openapi";

import { ApiDocsView } from "./_components/api-docs-view";

export const metadata: Metadata = { title: "API documentation" };

// The origin the person reached this page on, for the copy-paste setup lines.
async function getOrigin(): Promise<string> {
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost:3000";
  const protocol =
    list.get("x-forwarded-proto") ?? (host.startsWith("localhost") ? "http" : "https");
  return `${protocol.split(",")[0]?.trim() ?? "https"}://${host}`;
}

export default async function ApiDocsPage() {
  const [origin, document] = [await getOrigin(), buildOpenApiDocument()];
  return <ApiDocsView document={document} origin={origin} />;
}
