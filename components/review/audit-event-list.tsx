import { describeAuditAction, describeFieldChanges } from "@/lib/review/describe-audit-event";

export type AuditEventItem = {
  id: string;
  action: string;
  before: unknown;
  after: unknown;
  createdAt: Date;
  actor: { id: string; name: string } | null;
};

const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

type AuditEventListProps = { events: readonly AuditEventItem[]; label: string; testId?: string };

// A story of audit events in order: who did what when, the fields that changed, and the
// full before and after on request.
export function AuditEventList({ events, label, testId }: AuditEventListProps) {
  if (events.length === 0) {
    return <p className="text-sm text-stone-700">Nothing recorded yet.</p>;
  }

  return (
    <ol className="flex flex-col gap-2" aria-label={label} data-testid={testId}>
      {events.map((event) => {
        const changes = describeFieldChanges(event.before, event.after);
        return (
          <li
            key={event.id}
            className="rounded-md border border-stone-300 bg-white p-2 text-sm"
            data-action={event.action}
          >
            <p>
              <strong>{event.actor?.name ?? "Someone (account removed)"}</strong>{" "}
              {describeAuditAction(event.action)}
            </p>
            <p className="text-xs text-stone-600">
              <time dateTime={event.createdAt.toISOString()}>
                {dateTime.format(event.createdAt)} UTC
              </time>
            </p>
            {changes.length > 0 ? (
              <ul className="mt-1 flex flex-col gap-0.5 text-xs">
                {changes.map((change) => (
                  <li key={change.field}>
                    <span className="font-medium">{change.field}</span>: {change.before} →{" "}
                    {change.after}
                  </li>
                ))}
              </ul>
            ) : null}
            <details className="mt-1 text-xs">
              <summary className="cursor-pointer text-sky-800">Before and after</summary>
              <div className="grid gap-2 md:grid-cols-2">
                <pre className="overflow-x-auto rounded bg-stone-100 p-2 whitespace-pre-wrap">
                  {event.before === null || event.before === undefined
                    ? "—"
                    : JSON.stringify(event.before, null, 2)}
                </pre>
                <pre className="overflow-x-auto rounded bg-stone-100 p-2 whitespace-pre-wrap">
                  {event.after === null || event.after === undefined
                    ? "—"
                    : JSON.stringify(event.after, null, 2)}
                </pre>
              </div>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
