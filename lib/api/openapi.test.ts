import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { createAnnotationSchema } from "@/lib/validations/annotation";
import { createDocumentSchema } from "@/lib/validations/document";

import { buildOpenApiDocument } from "./openapi";
import { apiOperations, requestSchemas } from "./operations";

const apiRoot = path.resolve(import.meta.dirname, "../../app/api/v1");
const httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

type RouteFile = { file: string; path: string; methods: string[] };

// Every route.ts under app/api/v1, as an OpenAPI path with the methods it exports.
function findRouteFiles(folder: string): RouteFile[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      return findRouteFiles(full);
    }
    if (entry.name !== "route.ts") {
      return [];
    }
    const source = readFileSync(full, "utf8");
    const methods = httpMethods.filter((method) =>
      new RegExp(`export\\s+(?:async\\s+function|function|const)\\s+${method}\\b`).test(source),
    );
    const urlPath = path
      .relative(path.resolve(import.meta.dirname, "../.."), path.dirname(full))
      .split(path.sep)
      .slice(1)
      .map((segment) => segment.replace(/^\[(\w+)\]$/, "{$1}"))
      .join("/");
    return [{ file: path.relative(apiRoot, full), path: `/${urlPath}`, methods }];
  });
}

function collectRefs(value: unknown, refs: string[] = []): string[] {
  if (Array.isArray(value)) {
    value.forEach((item) => collectRefs(item, refs));
  } else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (key === "$ref" && typeof child === "string") {
        refs.push(child);
      } else {
        collectRefs(child, refs);
      }
    }
  }
  return refs;
}

function resolvePointer(document: unknown, ref: string): unknown {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>(
      (node, key) =>
        node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined,
      document,
    );
}

const document = buildOpenApiDocument();
const routes = findRouteFiles(apiRoot);

describe("OpenAPI document", () => {
  it("finds the route files it checks (the walk itself works)", () => {
    expect(routes.map((route) => route.path)).toEqual(
      expect.arrayContaining([
        "/api/v1/documents/{documentId}/annotations",
        "/api/v1/workspaces",
        "/api/v1/openapi.json",
      ]),
    );
    expect(routes.every((route) => route.methods.length > 0)).toBe(true);
  });

  it.each(routes.map((route) => [route.file, route] as const))(
    "documents every method of app/api/v1/%s",
    (_file, route) => {
      const item = document.paths[route.path];
      expect(item, `${route.path} is missing from the OpenAPI document`).toBeDefined();
      for (const method of route.methods) {
        expect(item?.[method.toLowerCase()], `${method} ${route.path}`).toBeDefined();
      }
    },
  );

  it("documents nothing that has no route file and method", () => {
    for (const operation of apiOperations) {
      const route = routes.find((candidate) => candidate.path === operation.path);
      expect(route, operation.path).toBeDefined();
      expect(route?.methods).toContain(operation.method.toUpperCase());
    }
  });

  it("has the shape of an OpenAPI 3.1 document", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.info.title).toEqual(expect.any(String));
    expect(document.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.keys(document.paths).length).toBeGreaterThan(5);
    expect(document.components.securitySchemes.apiToken).toMatchObject({
      type: "http",
      scheme: "bearer",
    });

    const operationIds = new Set<string>();
    for (const [pathTemplate, item] of Object.entries(document.paths)) {
      expect(pathTemplate).toMatch(/^\/api\/v1\//);
      for (const [method, operation] of Object.entries(item)) {
        expect(["get", "post", "put", "patch", "delete"]).toContain(method);
        const responses = operation.responses as Record<string, unknown>;
        expect(Object.keys(responses).length, `${method} ${pathTemplate}`).toBeGreaterThan(0);
        expect(Object.keys(responses).some((status) => /^2\d\d$/.test(status))).toBe(true);

        const id = operation.operationId as string;
        expect(operationIds.has(id), id).toBe(false);
        operationIds.add(id);

        // Every {param} of the template is declared as a required path parameter.
        const declared = (operation.parameters as { name: string; in: string; required: boolean }[])
          .filter((parameter) => parameter.in === "path" && parameter.required)
          .map((parameter) => parameter.name);
        const inTemplate = [...pathTemplate.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
        expect(declared.sort()).toEqual(inTemplate.sort());
      }
    }
  });

  it("describes errors with the shared error shape and 429 with Retry-After", () => {
    const error = document.components.schemas.Error as {
      properties: { error: { properties: Record<string, unknown>; required: string[] } };
    };
    expect(Object.keys(error.properties.error.properties).sort()).toEqual(
      ["code", "fieldErrors", "message"].sort(),
    );
    expect(error.properties.error.required.sort()).toEqual(["code", "message"]);
    expect(document.components.responses.RateLimited).toMatchObject({
      headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } },
    });
    expect(document.paths["/api/v1/documents/{documentId}/annotations"]?.post).toMatchObject({
      responses: { "403": { $ref: "#/components/responses/Forbidden" } },
    });
  });

  it("resolves every $ref inside the document", () => {
    const refs = [...new Set(collectRefs(document))];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\//);
      expect(resolvePointer(document, ref), ref).toBeDefined();
    }
  });

  it("generates request bodies from the handlers' zod schemas", () => {
    const createAnnotation = document.components.schemas.CreateAnnotation as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(createAnnotation.properties).sort()).toEqual(
      Object.keys(createAnnotationSchema.shape).sort(),
    );
    expect(createAnnotation.required.sort()).toEqual(["end", "exact", "start"]);

    const createDocument = document.components.schemas.CreateDocument as {
      properties: { title: { maxLength: number } };
    };
    expect(createDocument.properties.title.maxLength).toBe(
      (createDocumentSchema.shape.title as unknown as { maxLength: number }).maxLength,
    );
  });

  it("gives request examples that the handlers' schemas accept", () => {
    for (const operation of apiOperations) {
      if (operation.body && operation.body.kind !== "file") {
        const result = requestSchemas[operation.body.schema].safeParse(operation.body.example);
        expect(result.success, operation.operationId).toBe(true);
      }
    }
  });

  it("marks the document itself public, token routes with their scope (GET: READ, else READ_WRITE), and session-only routes as such", () => {
    expect(document.paths["/api/v1/openapi.json"]?.get?.security).toEqual([]);
    for (const operation of apiOperations) {
      const published = document.paths[operation.path]?.[operation.method];
      if (operation.access === "session") {
        expect(published?.security, operation.operationId).toEqual([{ session: [] }]);
        expect(published?.["x-framewise-token-scope"]).toBeNull();
      } else if (operation.access !== "public") {
        expect(published?.security, operation.operationId).toBeUndefined();
        expect(published?.["x-framewise-token-scope"]).toBe(
          operation.method === "get" ? "READ" : "READ_WRITE",
        );
      }
    }
  });

  it("lists as token routes exactly the route files that call requireApiCaller", () => {
    for (const operation of apiOperations.filter((candidate) => candidate.access !== "public")) {
      const route = routes.find((candidate) => candidate.path === operation.path);
      const source = readFileSync(path.join(apiRoot, route?.file ?? ""), "utf8");
      expect(source.includes("requireApiCaller("), operation.operationId).toBe(
        operation.access !== "session",
      );
    }
  });

  it("is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });
});
