"use client";

import { useSyncExternalStore } from "react";

type LocalDateTimeProps = { value: Date | string; dateOnly?: boolean };

const subscribe = () => () => {};

// A date in the reader's own time zone. The server renders UTC (it does not know the
// browser's zone); the browser swaps in local time after hydration.
export function LocalDateTime({ value, dateOnly = false }: LocalDateTimeProps) {
  const date = typeof value === "string" ? new Date(value) : value;
  const iso = date.toISOString();
  const isClient = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const text = isClient
    ? date.toLocaleString(
        undefined,
        dateOnly ? { dateStyle: "medium" } : { dateStyle: "medium", timeStyle: "short" },
      )
    : `${iso.slice(0, dateOnly ? 10 : 16).replace("T", " ")}${dateOnly ? "" : " UTC"}`;

  return <time dateTime={iso}>{text}</time>;
}
