import { z } from "zod";

import { idSchema } from "@/lib/validations/workspace";

import {
  apiOperations,
  pathParameterDescriptions,
  requestSchemas,
  responseSchemas,
} from "./operations";
import type { ApiOperation, ErrorStatus } from "./operations";
import { pageLimitMax, paginationQuerySchema } from "./pagination";
import { apiRateLimit } from "./rate-limit";

// Builds the OpenAPI 3.1 document from the operation list and the zod schemas the
// handlers validate with (z.toJSONSchema emits JSON Schema 2020-12, which is OpenAPI
// 3.1's own schema dialect).

type JsonSchema = Record<string, unknown>;

export type OpenApiMediaType = { schema: JsonSchema; example?: unknown };

export type OpenApiParameter = {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  description: string;
  schema: JsonSchema;
};

export type OpenApiRequestBody = {
  required: boolean;
  description: string;
  content: Record<string, OpenApiMediaType>;
};

export type OpenApiResponse =
  | { description: string; content?: Record<string, OpenApiMediaType>; headers?: JsonSchema }
  | { $ref: string };

export type OpenApiOperation = {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  // [] for public operations, session-only ones name the cookie; absent means the default.
  security?: Record<string, string[]>[];
  "x-framewise-token-scope": "READ" | "READ_WRITE" | null;
  parameters: OpenApiParameter[];
  requestBody?: OpenApiRequestBody;
  responses: Record<string, OpenApiResponse>;
};

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, OpenApiResponse>;
    securitySchemes: Record<string, JsonSchema>;
    headers: Record<string, JsonSchema>;
  };
  security: Record<string, string[]>[];
};

const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

// Drops noise that helps no reader: the generated date-time regex (format says it) and
// JavaScript's safe-integer bounds on every integer.
function tidy(context: { jsonSchema: Record<string, unknown> }) {
  const schema = context.jsonSchema;
  if (schema.format === "date-time") {
    delete schema.pattern;
  }
  if (schema.maximum === Number.MAX_SAFE_INTEGER) {
    delete schema.maximum;
  }
  if (schema.minimum === Number.MIN_SAFE_INTEGER) {
    delete schema.minimum;
  }
}

function stripRoot(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

function toComponents(schemas: Record<string, z.ZodType>, io: "input" | "output") {
  const registry = z.registry<{ id: string }>();
  for (const [name, schema] of Object.entries(schemas)) {
    registry.add(schema, { id: name });
  }

  const { schemas: generated } = z.toJSONSchema(registry, {
    io,
    uri: (id) => `#/components/schemas/${id}`,
    override: (context) => {
      tidy(context);
      // Answers may gain fields over time; clients should not break on them.
      if (io === "output" && context.jsonSchema.additionalProperties === false) {
        delete context.jsonSchema.additionalProperties;
      }
    },
    // Transforms (trimming, empty → undefined) have no JSON form; their input side is described.
    unrepresentable: "any",
  });

  return Object.fromEntries(
    Object.entries(generated).map(([name, schema]) => [name, stripRoot(schema as JsonSchema)]),
  );
}

function toInlineSchema(schema: z.ZodType, io: "input" | "output" = "input"): JsonSchema {
  return stripRoot(
    z.toJSONSchema(schema, { io, override: tidy, unrepresentable: "any" }) as JsonSchema,
  );
}

const errorResponses: Record<ErrorStatus, { name: string; description: string }> = {
  400: { name: "InvalidJson", description: "The body is not valid JSON." },
  401: {
    name: "Unauthorized",
    description:
      "No session and no token, or a token that is unknown, revoked (says when) or expired (says when).",
  },
  403: {
    name: "Forbidden",
    description:
      "A READ token used to change something, or a role that does not allow this (a viewer adding a highlight).",
  },
  404: {
    name: "NotFound",
    description:
      "Not found, or not yours to see: resources of a workspace you are not in, or of a workspace other than the token's, look exactly like missing ones.",
  },
  409: {
    name: "Conflict",
    description: "The document changed since you read it, or the request repeats a done change.",
  },
  413: { name: "PayloadTooLarge", description: "The body is larger than the limit." },
  422: {
    name: "InvalidInput",
    description: "The input does not fit: `fieldErrors` says which field and why.",
  },
  429: {
    name: "RateLimited",
    description: `More than ${apiRateLimit.maxRequests} requests in ${apiRateLimit.windowSeconds} seconds with this token (or session). Retry-After says when to try again.`,
  },
};

function pathParameters(path: string): OpenApiParameter[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name = ""]) => ({
    name,
    in: "path",
    required: true,
    description: pathParameterDescriptions[name] ?? name,
    schema: toInlineSchema(idSchema),
  }));
}

// Creates take an Idempotency-Key header (lib/server/idempotency, docs/api.md).
function idempotencyParameters(operation: ApiOperation): OpenApiParameter[] {
  if (!operation.idempotent) {
    return [];
  }
  return [
    {
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description:
        "A value unique to this request (a UUID). A retry with the same key and body gets the first answer again, with `Idempotent-Replayed: true`, and creates nothing new; the same key with another body is 422; while the first is still running, 409 with Retry-After. Keys are kept 24 hours.",
      schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7e]+$" },
    },
  ];
}

function operationQueryParameters(operation: ApiOperation): OpenApiParameter[] {
  return (operation.query ?? []).map((parameter) => {
    const schema = toInlineSchema(parameter.schema);
    return {
      name: parameter.name,
      in: "query",
      required: parameter.required ?? false,
      description: parameter.description,
      schema: parameter.repeatable ? { type: "array", items: schema } : schema,
    };
  });
}

function paginationParameters(): OpenApiParameter[] {
  const { limit, cursor } = paginationQuerySchema.shape;
  return [
    {
      name: "limit",
      in: "query",
      required: false,
      description: `How many items per page (1 to ${pageLimitMax}).`,
      schema: toInlineSchema(limit),
    },
    {
      name: "cursor",
      in: "query",
      required: false,
      description: "The nextCursor of the previous page; leave it out for the first page.",
      schema: toInlineSchema(cursor.unwrap()),
    },
  ];
}

function requestBody(body: NonNullable<ApiOperation["body"]>): OpenApiRequestBody {
  const file = (description: string): Record<string, OpenApiMediaType> => ({
    "multipart/form-data": {
      schema: {
        type: "object",
        properties: {
          file: { type: "string", contentMediaType: "application/octet-stream", description },
        },
        required: ["file"],
      },
    },
  });
  const limit = `At most ${body.maxBytes.toLocaleString("en")} bytes.`;

  if (body.kind === "file") {
    const content = file(body.fileDescription);
    const multipart = content["multipart/form-data"];
    if (body.fields && multipart) {
      // The file part plus the form fields, as one multipart object.
      multipart.schema = { allOf: [multipart.schema, schemaRef(body.fields)] };
    }
    return { required: true, description: limit, content };
  }

  const json = { "application/json": { schema: schemaRef(body.schema), example: body.example } };
  if (body.kind === "json-or-file") {
    return {
      required: true,
      description: `JSON, or a file as multipart form data. ${limit}`,
      content: { ...json, ...file(body.fileDescription) },
    };
  }
  return { required: true, description: limit, content: json };
}

function operationObject(operation: ApiOperation): OpenApiOperation {
  const { success } = operation;
  const content: Record<string, OpenApiMediaType> | undefined = success.schema
    ? { "application/json": { schema: schemaRef(success.schema) } }
    : success.freeJson
      ? { "application/json": { schema: { type: "object" } } }
      : success.contentType
        ? { [success.contentType]: { schema: { type: "string" } } }
        : undefined;
  const responses: Record<string, OpenApiResponse> = {
    [String(success.status)]: {
      description: success.description,
      ...(content ? { content } : {}),
    },
  };
  for (const status of [...new Set(operation.errors)].sort((a, b) => a - b)) {
    responses[String(status)] = { $ref: `#/components/responses/${errorResponses[status].name}` };
  }

  const scopeNote = {
    public: "",
    session: "",
    read: "Token scope: READ or READ_WRITE.",
    write: "Token scope: READ_WRITE.",
  }[operation.access];
  const security = { public: [], session: [{ session: [] }], read: undefined, write: undefined }[
    operation.access
  ];

  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    description: [operation.description, scopeNote].filter(Boolean).join("\n\n"),
    ...(security ? { security } : {}),
    "x-framewise-token-scope":
      operation.access === "write" ? "READ_WRITE" : operation.access === "read" ? "READ" : null,
    parameters: [
      ...pathParameters(operation.path),
      ...(operation.paginated ? paginationParameters() : []),
      ...operationQueryParameters(operation),
      ...idempotencyParameters(operation),
    ],
    ...(operation.body ? { requestBody: requestBody(operation.body) } : {}),
    responses,
  };
}

export function buildOpenApiDocument(): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const operation of apiOperations) {
    (paths[operation.path] ??= {})[operation.method] = operationObject(operation);
  }

  const schemas = {
    ...toComponents(requestSchemas, "input"),
    ...toComponents(responseSchemas, "output"),
  };
  // The batch endpoint validates rows one by one (so one bad row does not sink the
  // rest); its schema says "a list", and each item is a CreateDocument.
  const batch = schemas.CreateDocumentsBatch as { properties?: { documents?: JsonSchema } };
  if (batch.properties?.documents) {
    batch.properties.documents.items = schemaRef("CreateDocument");
  }

  const responses = Object.fromEntries(
    Object.entries(errorResponses).map(([status, { name, description }]) => [
      name,
      {
        description,
        ...(status === "429"
          ? { headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } } }
          : {}),
        content: { "application/json": { schema: schemaRef("Error") } },
      },
    ]),
  );

  return {
    openapi: "3.1.0",
    info: {
      title: "Framewise API",
      version: "1.0.0",
      description: [
        "Workspaces, documents, highlights (annotations) and codebooks of Framewise.",
        "Authenticate with a personal API token from Settings → API tokens: `Authorization: Bearer fw_…`. A token belongs to one workspace and has a scope: READ (GET only) or READ_WRITE. It can do what your role in that workspace allows, nothing more. In the browser, the session cookie works too.",
        `Lists are paginated: \`?limit=\` (1 to ${pageLimitMax}) and \`?cursor=\` (the previous page's nextCursor); answers are \`{ items, nextCursor }\`.`,
        `Rate limit: ${apiRateLimit.maxRequests} requests per ${apiRateLimit.windowSeconds} seconds per token (or per signed-in person); beyond that 429 with Retry-After.`,
        "Errors are `{ error: { code, message, fieldErrors? } }`; `message` is written for a person.",
        "Offsets (start, end) count Unicode code points, end exclusive.",
      ].join("\n\n"),
    },
    servers: [{ url: "/", description: "This Framewise server" }],
    tags: [
      { name: "Workspaces", description: "Where documents, codebooks and members live." },
      { name: "Documents", description: "Articles and other texts to annotate." },
      { name: "Imports", description: "Turning web pages and files into documents." },
      { name: "Annotations", description: "Highlights: a passage, labels, a comment." },
      { name: "Codebooks", description: "Dimensions and labels that highlights are tagged with." },
      { name: "Discussion", description: "Threads, replies and reactions on highlights." },
      { name: "Classes", description: "Assignments and grading." },
      { name: "Collections", description: "Documents grouped as coverage of one event." },
      { name: "Agreement", description: "Inter-annotator reliability data." },
      { name: "Exports", description: "Datasets: streamed exports and immutable snapshots." },
      { name: "Live", description: "Changes as they happen." },
      { name: "Meta", description: "About the API itself." },
    ],
    paths,
    components: {
      schemas,
      responses,
      headers: {
        RetryAfter: {
          description: "Seconds until the rate-limit window reopens.",
          schema: { type: "integer", minimum: 1 },
        },
      },
      securitySchemes: {
        apiToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "fw_ followed by 43 characters",
          description: "A personal API token, created in Settings → API tokens.",
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description:
            "The browser session of a signed-in person, as the app itself uses it (named __Secure-next-auth.session-token over HTTPS).",
        },
      },
    },
    security: [{ apiToken: [] }, { session: [] }],
  };
}
