import { FilterSelect } from "@/components/ui/filter-select";
import type { Metadata } from "next";
import Link from "next/link";

import { WorkspaceNav } from "@/components/layout/workspace-nav";
import { Button } from "@/components/ui/button";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { describeAuditAction, describeFieldChanges } from "@/lib/review/describe-audit-event";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { auditActionFilters, auditLogFilterSchema } from "@/lib/validations/audit";

export const metadata: Metadata = { title: "Audit log" };

type AuditPageProps = {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

// The workspace's audit log for its owners: every change with who, when, before and
// after; filtered by person, kind of change and dates; exported as CSV.
export default async function AuditPage({ params, searchParams }: AuditPageProps) {
  const user = await requireSessionUser();
  const workspaceId = await orNotFound(
    params.then((value) => parseId(value.workspaceId, "This workspace")),
  );
  const query = await searchParams;
  const raw = {
    actor: single(query.actor),
    action: single(query.action),
    from: single(query.from),
    to: single(query.to),
    page: single(query.page),
  };
  const parsed = auditLogFilterSchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : auditLogFilterSchema.parse({});
  const log = await orNotFound(listAuditEvents({ userId: user.id, workspaceId, filter }));

  const filterQuery = new URLSearchParams(
    Object.entries({
      actor: filter.actor,
      action: filter.action,
      from: filter.from,
      to: filter.to,
    }).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  const pageHref = (page: number) =>
    `?${new URLSearchParams([...filterQuery, ["page", String(page)]]).toString()}`;
  const exportHref = `/api/v1/workspaces/${workspaceId}/audit-log?${filterQuery.toString()}`;

  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm text-stone-600">
          <Link href="/workspaces" className="underline">
            Workspaces
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{log.workspaceName}</h1>
      </div>
      <WorkspaceNav workspaceId={workspaceId} role={log.role} current="audit" />
      <section aria-labelledby="audit-heading" className="flex flex-col gap-3">
        <h2 id="audit-heading" className="text-lg font-semibold">
          Audit log
        </h2>
        <form
          method="get"
          className="flex flex-wrap items-end gap-3"
          aria-label="Filter the audit log"
        >
          <FilterSelect
            id="actor"
            label="Person"
            value={filter.actor}
            anyLabel="Everyone"
            options={log.members.map((member) => ({ value: member.id, label: member.name }))}
          />
          <FilterSelect
            id="action"
            label="Kind of change"
            value={filter.action}
            anyLabel="All changes"
            options={Object.entries(auditActionFilters).map(([value, name]) => ({
              value,
              label: name,
            }))}
          />
          <div className="flex flex-col gap-1">
            <label htmlFor="from" className="text-sm font-medium">
              From
            </label>
            <input
              id="from"
              name="from"
              type="date"
              defaultValue={filter.from ?? ""}
              className="rounded-md border border-stone-400 bg-white px-2 py-1 text-sm"
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="to" className="text-sm font-medium">
              To
            </label>
            <input
              id="to"
              name="to"
              type="date"
              defaultValue={filter.to ?? ""}
              className="rounded-md border border-stone-400 bg-white px-2 py-1 text-sm"
            />
          </div>
          <Button type="submit" variant="secondary">
            Filter
          </Button>
          <a
            href={exportHref}
            className="rounded-md border border-stone-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100"
            download
          >
            Export CSV
          </a>
        </form>
        {parsed.success ? null : (
          <p role="alert" className="text-sm text-red-800">
            {parsed.error.issues[0]?.message ?? "Those filters are not valid."} Showing the whole
            log instead.
          </p>
        )}
        <p className="text-sm text-stone-700" role="status">
          {log.total} event{log.total === 1 ? "" : "s"}
          {log.pages > 1 ? `, page ${filter.page} of ${log.pages}` : ""}.
        </p>
        {log.events.length === 0 ? (
          <p className="text-stone-700">Nothing matches these filters.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm" data-testid="audit-log">
              <caption className="sr-only">Audit events, newest first</caption>
              <thead>
                <tr className="border-b border-stone-400">
                  <th scope="col" className="p-2">
                    When (UTC)
                  </th>
                  <th scope="col" className="p-2">
                    Who
                  </th>
                  <th scope="col" className="p-2">
                    What
                  </th>
                  <th scope="col" className="p-2">
                    Changes
                  </th>
                </tr>
              </thead>
              <tbody>
                {log.events.map((event) => (
                  <tr key={event.id} className="border-b border-stone-200 align-top">
                    <td className="p-2 whitespace-nowrap">
                      <time dateTime={event.createdAt.toISOString()}>
                        {dateTime.format(event.createdAt)}
                      </time>
                    </td>
                    <td className="p-2">{event.actor?.name ?? "Account removed"}</td>
                    <td className="p-2">
                      {describeAuditAction(event.action)}
                      <span className="block text-xs text-stone-600">
                        {event.entityType} {event.entityId}
                      </span>
                    </td>
                    <td className="p-2 text-xs">
                      {describeFieldChanges(event.before, event.after)
                        .map((change) => `${change.field}: ${change.before} → ${change.after}`)
                        .join("; ") || "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {log.pages > 1 ? (
          <nav aria-label="Audit log pages" className="flex gap-3 text-sm">
            {filter.page > 1 ? (
              <Link href={pageHref(filter.page - 1)} className="text-sky-800 underline">
                Newer
              </Link>
            ) : null}
            {filter.page < log.pages ? (
              <Link href={pageHref(filter.page + 1)} className="text-sky-800 underline">
                Older
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
