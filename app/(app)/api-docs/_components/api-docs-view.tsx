import Link from "next/link";

import { buildCurlExample } from "@/lib/api/curl-example";
import type {
  OpenApiDocument,
  OpenApiOperation,
  OpenApiParameter,
  OpenApiResponse,
} from "@/lib/api/openapi";

import { InlineCode } from "./inline-code";

type ApiDocsViewProps = { document: OpenApiDocument; origin: string };

type Entry = { method: string; path: string; operation: OpenApiOperation };

const methodColors: Record<string, string> = {
  get: "bg-sky-100 text-sky-900",
  post: "bg-emerald-100 text-emerald-900",
  put: "bg-violet-100 text-violet-900",
  patch: "bg-amber-100 text-amber-900",
  delete: "bg-red-100 text-red-900",
};

const schemaName = (ref: string | undefined) => ref?.split("/").pop();

function describeSchema(schema: Record<string, unknown>): string {
  const parts = [String(schema.type ?? "any")];
  if (schema.minimum !== undefined && schema.maximum !== undefined) {
    parts.push(`${String(schema.minimum)} to ${String(schema.maximum)}`);
  }
  if (schema.maxLength !== undefined) {
    parts.push(`at most ${String(schema.maxLength)} characters`);
  }
  if (schema.pattern !== undefined) {
    parts.push(`pattern ${String(schema.pattern)}`);
  }
  if (schema.default !== undefined) {
    parts.push(`default ${JSON.stringify(schema.default)}`);
  }
  return parts.join(", ");
}

function SchemaLink({ schemaRef }: { schemaRef: string | undefined }) {
  const name = schemaName(schemaRef);
  if (!name) {
    return <span>JSON</span>;
  }
  return (
    <a href={`#schema-${name}`} className="font-mono text-sky-800 underline">
      {name}
    </a>
  );
}

function ParametersTable({ parameters }: { parameters: OpenApiParameter[] }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Parameters</caption>
      <thead>
        <tr className="border-b border-stone-300">
          <th scope="col" className="py-1 pr-3 font-medium">
            Name
          </th>
          <th scope="col" className="py-1 pr-3 font-medium">
            In
          </th>
          <th scope="col" className="py-1 pr-3 font-medium">
            Type
          </th>
          <th scope="col" className="py-1 font-medium">
            Description
          </th>
        </tr>
      </thead>
      <tbody>
        {parameters.map((parameter) => (
          <tr key={`${parameter.in}-${parameter.name}`} className="border-b border-stone-200">
            <th scope="row" className="py-1 pr-3 font-mono font-normal">
              {parameter.name}
              {parameter.required ? "" : " (optional)"}
            </th>
            <td className="py-1 pr-3">{parameter.in}</td>
            <td className="py-1 pr-3">{describeSchema(parameter.schema)}</td>
            <td className="py-1">{parameter.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function responseDescription(response: OpenApiResponse, document: OpenApiDocument) {
  if ("$ref" in response) {
    const name = schemaName(response.$ref) ?? "";
    const shared = document.components.responses[name];
    return {
      description: shared && "description" in shared ? shared.description : name,
      schemaRef: "#/components/schemas/Error",
    };
  }
  const media = response.content?.["application/json"];
  return {
    description: response.description,
    schemaRef: typeof media?.schema.$ref === "string" ? media.schema.$ref : undefined,
  };
}

// Required query parameters as placeholders: ?dimension=$DIMENSION
function requiredQuery(operation: OpenApiOperation): string | undefined {
  const required = operation.parameters.filter(
    (parameter) => parameter.in === "query" && parameter.required,
  );
  if (required.length === 0) {
    return undefined;
  }
  return `?${required.map((parameter) => `${parameter.name}=$${parameter.name.toUpperCase()}`).join("&")}`;
}

function curlFor({ method, path, operation }: Entry): string {
  const content = operation.requestBody?.content;
  const json = content?.["application/json"];
  const hasFile = content?.["multipart/form-data"] !== undefined;
  return buildCurlExample({
    method,
    path,
    auth:
      operation.security === undefined
        ? "token"
        : operation.security.length === 0
          ? "none"
          : "session",
    query: operation.parameters.some((parameter) => parameter.name === "limit")
      ? "?limit=20"
      : requiredQuery(operation),
    body: json
      ? { kind: "json", example: json.example }
      : hasFile
        ? { kind: "file", fileName: path.includes("bulk") ? "articles.jsonl" : "article.html" }
        : undefined,
  });
}

function OperationCard({ entry, document }: { entry: Entry; document: OpenApiDocument }) {
  const { method, path, operation } = entry;
  const scope = operation["x-framewise-token-scope"];

  return (
    <article
      id={operation.operationId}
      aria-labelledby={`${operation.operationId}-heading`}
      className="flex flex-col gap-3 rounded-lg border border-stone-300 bg-white p-4"
    >
      <h3 id={`${operation.operationId}-heading`} className="flex flex-wrap items-center gap-2">
        <span
          className={`rounded px-2 py-0.5 font-mono text-xs font-semibold uppercase ${methodColors[method] ?? ""}`}
        >
          {method}
        </span>
        <code className="font-mono text-sm break-all">{path}</code>
        <span className="text-base font-semibold">— {operation.summary}</span>
      </h3>
      <div className="flex flex-col gap-1 text-sm text-stone-800">
        {operation.description
          .split("\n\n")
          .filter((paragraph) => !paragraph.startsWith("Token scope:"))
          .map((paragraph) => (
            <p key={paragraph}>
              <InlineCode text={paragraph} />
            </p>
          ))}
        {scope !== null ? (
          <p>
            {scope === "READ"
              ? "Token scope: READ or READ_WRITE."
              : "Token scope: READ_WRITE (a READ token gets 403)."}
          </p>
        ) : null}
      </div>
      {operation.parameters.length > 0 ? (
        <div>
          <h4 className="text-sm font-semibold">Parameters</h4>
          <ParametersTable parameters={operation.parameters} />
        </div>
      ) : null}
      {operation.requestBody ? (
        <div className="flex flex-col gap-1 text-sm">
          <h4 className="font-semibold">Request body</h4>
          <p>{operation.requestBody.description}</p>
          <ul className="list-disc pl-5">
            {Object.entries(operation.requestBody.content).map(([type, media]) => (
              <li key={type}>
                <code className="font-mono">{type}</code>:{" "}
                {type === "multipart/form-data" ? (
                  <span>
                    a <code className="font-mono">file</code> field
                  </span>
                ) : (
                  <SchemaLink
                    schemaRef={
                      typeof media.schema.$ref === "string" ? media.schema.$ref : undefined
                    }
                  />
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="text-sm">
        <h4 className="font-semibold">Responses</h4>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          {Object.entries(operation.responses).map(([status, response]) => {
            const { description, schemaRef } = responseDescription(response, document);
            return (
              <div key={status} className="contents">
                <dt className="font-mono">{status}</dt>
                <dd>
                  {description}
                  {schemaRef ? (
                    <>
                      {" "}
                      (<SchemaLink schemaRef={schemaRef} />)
                    </>
                  ) : null}
                </dd>
              </div>
            );
          })}
        </dl>
      </div>
      <div className="text-sm">
        <h4 className="font-semibold">Example</h4>
        <pre
          tabIndex={0}
          className="overflow-x-auto rounded-md bg-stone-900 p-3 font-mono text-xs text-stone-100"
        >
          <code>{curlFor(entry)}</code>
        </pre>
      </div>
    </article>
  );
}

export function ApiDocsView({ document, origin }: ApiDocsViewProps) {
  const entries: Entry[] = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method, path, operation })),
  );

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-8">
      <header className="flex flex-col gap-3">
        <h1 className="text-2xl font-semibold">{document.info.title}</h1>
        {document.info.description.split("\n\n").map((paragraph) => (
          <p key={paragraph} className="max-w-3xl text-stone-800">
            <InlineCode text={paragraph} />
          </p>
        ))}
        <p>
          <Link href="/settings/tokens" className="text-sky-800 underline">
            Create a token in Settings → API tokens
          </Link>{" "}
          ·{" "}
          <a href="/api/v1/openapi.json" className="text-sky-800 underline">
            The OpenAPI 3.1 document (JSON)
          </a>{" "}
          (version {document.info.version})
        </p>
      </header>

      <section aria-labelledby="start-heading" className="flex flex-col gap-2">
        <h2 id="start-heading" className="text-xl font-semibold">
          First request
        </h2>
        <p className="text-sm text-stone-800">
          Put the server and your token in shell variables; every example below uses them.
        </p>
        <pre
          tabIndex={0}
          className="overflow-x-auto rounded-md bg-stone-900 p-3 font-mono text-xs text-stone-100"
        >
          <code>
            {`export FRAMEWISE_URL=${origin}\nexport FRAMEWISE_TOKEN=fw_…   # shown once when you create it\n\n${buildCurlExample({ method: "get", path: "/api/v1/workspaces", auth: "token" })}`}
          </code>
        </pre>
      </section>

      <nav aria-labelledby="contents-heading" className="flex flex-col gap-2">
        <h2 id="contents-heading" className="text-xl font-semibold">
          Endpoints
        </h2>
        <ul className="flex flex-col gap-1 text-sm">
          {entries.map(({ method, path, operation }) => (
            <li key={operation.operationId}>
              <a href={`#${operation.operationId}`} className="text-sky-800 underline">
                <span className="font-mono uppercase">{method}</span>{" "}
                <span className="font-mono">{path}</span>
              </a>{" "}
              — {operation.summary}
            </li>
          ))}
        </ul>
      </nav>

      {document.tags.map((tag) => {
        const tagged = entries.filter((entry) => entry.operation.tags.includes(tag.name));
        if (tagged.length === 0) {
          return null;
        }
        return (
          <section
            key={tag.name}
            aria-labelledby={`tag-${tag.name}`}
            className="flex flex-col gap-3"
          >
            <h2 id={`tag-${tag.name}`} className="text-xl font-semibold">
              {tag.name}
            </h2>
            <p className="text-sm text-stone-700">{tag.description}</p>
            {tagged.map((entry) => (
              <OperationCard key={entry.operation.operationId} entry={entry} document={document} />
            ))}
          </section>
        );
      })}

      <section aria-labelledby="schemas-heading" className="flex flex-col gap-2">
        <h2 id="schemas-heading" className="text-xl font-semibold">
          Schemas
        </h2>
        <p className="text-sm text-stone-700">
          JSON Schema (2020-12), generated from the same zod schemas the server validates with.
        </p>
        {Object.entries(document.components.schemas).map(([name, schema]) => (
          <details
            key={name}
            id={`schema-${name}`}
            className="rounded-md border border-stone-300 bg-white"
          >
            <summary className="cursor-pointer px-3 py-2 font-mono text-sm">{name}</summary>
            <pre
              tabIndex={0}
              className="overflow-x-auto border-t border-stone-200 p-3 font-mono text-xs"
            >
              <code>{JSON.stringify(schema, null, 2)}</code>
            </pre>
          </details>
        ))}
      </section>
    </div>
  );
}
