"use client";

import { useLiveContext } from "@/components/live/live-provider";

const statusText = {
  connecting: "Connecting to live updates…",
  live: "Live",
  reconnecting: "Reconnecting… changes made meanwhile will arrive when the connection is back.",
  stopped: "Live updates stopped.",
} as const;

// Who else has this document open right now (on any app instance), and whether the page
// is receiving live changes.
export function PresenceStrip() {
  const live = useLiveContext();
  if (!live) {
    return null;
  }

  const others = live.readers.filter((reader) => reader.id !== live.currentUserId);

  return (
    <section
      aria-label="Who is reading"
      className="flex flex-wrap items-center gap-2 rounded-md border border-stone-300 bg-white px-3 py-2 text-sm"
      data-testid="presence-strip"
    >
      <span
        className={`inline-flex items-center gap-1 ${live.status === "live" ? "text-emerald-800" : "text-stone-600"}`}
        data-testid="live-status"
        data-status={live.status}
      >
        <span
          aria-hidden="true"
          className={`inline-block size-2 rounded-full ${live.status === "live" ? "bg-emerald-600" : "bg-stone-400"}`}
        />
        {live.status === "stopped" && live.stoppedReason
          ? live.stoppedReason
          : statusText[live.status]}
      </span>
      <span aria-hidden="true" className="text-stone-400">
        ·
      </span>
      {others.length === 0 ? (
        <span className="text-stone-700">Nobody else is reading this document now.</span>
      ) : (
        <>
          <span className="text-stone-700">Also reading now:</span>
          <ul className="flex flex-wrap gap-1" aria-label="Also reading now">
            {others.map((reader) => (
              <li
                key={reader.id}
                className="rounded-full border border-stone-300 bg-stone-50 px-2 py-0.5 text-xs"
              >
                {reader.name}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
