// The audit log as CSV (RFC 4180, via csv-stringify): one row per event, before and
// after as JSON text. Cells that a spreadsheet would run as a formula (= + - @, tab,
// carriage return) get a leading apostrophe: article text and comments are untrusted.
import { stringify } from "csv-stringify/sync";

export const auditCsvColumns = [
  "time",
  "actor_id",
  "actor_name",
  "action",
  "entity_type",
  "entity_id",
  "before",
  "after",
] as const;

export type AuditCsvEvent = {
  createdAt: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

export function serializeAuditCsvHeader(): string {
  // A byte-order mark so Excel reads the file as UTF-8.
  return `\uFEFF${stringify([[...auditCsvColumns]], { record_delimiter: "\r\n" })}`;
}

export function serializeAuditCsvRows(events: readonly AuditCsvEvent[]): string {
  if (events.length === 0) {
    return "";
  }
  return stringify(
    events.map((event) =>
      [
        event.createdAt.toISOString(),
        event.actorId ?? "",
        event.actorName ?? "",
        event.action,
        event.entityType,
        event.entityId,
        event.before === null || event.before === undefined ? "" : JSON.stringify(event.before),
        event.after === null || event.after === undefined ? "" : JSON.stringify(event.after),
      ].map(escapeFormula),
    ),
    { record_delimiter: "\r\n" },
  );
}

function escapeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
