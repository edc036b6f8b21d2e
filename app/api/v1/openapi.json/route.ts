// GET /api/v1/openapi.json — the OpenAPI 3.1 description of this API (public)
import { NextResponse } from "next/server";

import { buildOpenApiDocument } from "@/lib/api/openapi";

// The document depends only on the code, so it is rendered once at build time.
export const dynamic = "force-static";

export function GET() {
  return NextResponse.json(buildOpenApiDocument(), {
    headers: { "Access-Control-Allow-Origin": "*" },
  });
}
