"use client";

import { useEffect, useRef, useState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { requestJson } from "@/lib/client/request-json";
import { getExportFormat, isExportFormatKey } from "@/lib/export/formats";
import type { SnapshotView } from "@/lib/server/export/snapshot-view";

type SnapshotListProps = {
  workspaceId: string;
  snapshots: SnapshotView[];
  onSnapshotsChange: (snapshots: SnapshotView[]) => void;
};

const pollIntervalMs = 1000;

const statusNames = { RUNNING: "Writing", READY: "Ready", FAILED: "Failed" } as const;

// Every snapshot of the workspace, newest first. While one is being written the list is
// polled every second, so its progress bar moves and its download link appears when ready.
export function SnapshotList({ workspaceId, snapshots, onSnapshotsChange }: SnapshotListProps) {
  const [pollError, setPollError] = useState<string | null>(null);
  const isRunning = snapshots.some((snapshot) => snapshot.status === "RUNNING");
  const onChange = useRef(onSnapshotsChange);

  useEffect(() => {
    onChange.current = onSnapshotsChange;
  }, [onSnapshotsChange]);

  useEffect(() => {
    if (!isRunning) {
      return;
    }
    let isActive = true;
    const timer = setInterval(() => {
      void requestJson<{ snapshots: SnapshotView[] }>(
        `/api/v1/workspaces/${workspaceId}/snapshots`,
        "GET",
      ).then((result) => {
        if (!isActive) {
          return;
        }
        if (!result.ok) {
          setPollError(`The list could not be refreshed: ${result.message}`);
          return;
        }
        setPollError(null);
        onChange.current(result.data.snapshots);
      });
    }, pollIntervalMs);

    return () => {
      isActive = false;
      clearInterval(timer);
    };
  }, [isRunning, workspaceId]);

  return (
    <section aria-labelledby="snapshots-heading" className="flex flex-col gap-2">
      <h2 id="snapshots-heading" className="text-lg font-semibold">
        Snapshots
      </h2>
      {snapshots.length === 0 ? (
        <p className="text-stone-700">No snapshots yet. Save one with the form above.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" aria-label="Snapshots">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-1 pr-3">
                  #
                </th>
                <th scope="col" className="py-1 pr-3">
                  Name
                </th>
                <th scope="col" className="py-1 pr-3">
                  Format
                </th>
                <th scope="col" className="py-1 pr-3">
                  Status
                </th>
                <th scope="col" className="py-1 pr-3">
                  Size
                </th>
                <th scope="col" className="py-1 pr-3">
                  SHA-256
                </th>
                <th scope="col" className="py-1 pr-3">
                  Created
                </th>
                <th scope="col" className="py-1">
                  Download
                </th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((snapshot) => (
                <SnapshotRow key={snapshot.id} workspaceId={workspaceId} snapshot={snapshot} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormMessage message={pollError} />
    </section>
  );
}

function SnapshotRow({ workspaceId, snapshot }: { workspaceId: string; snapshot: SnapshotView }) {
  const total = snapshot.rowsTotal ?? 0;
  const formatLabel = isExportFormatKey(snapshot.format)
    ? getExportFormat(snapshot.format).label
    : snapshot.format;

  return (
    <tr data-testid="snapshot-row" className="border-b border-stone-200 align-top">
      <td className="py-2 pr-3 tabular-nums">{snapshot.number}</td>
      <td className="py-2 pr-3">
        {snapshot.name}
        <span className="block text-xs text-stone-600">
          {snapshot.pseudonymised ? "Pseudonymised" : "Real names"}
          {snapshot.licence ? ` · ${snapshot.licence}` : ""}
        </span>
      </td>
      <td className="py-2 pr-3">{formatLabel}</td>
      <td className="py-2 pr-3">
        <span className={snapshot.status === "FAILED" ? "font-medium text-red-800" : "font-medium"}>
          {statusNames[snapshot.status]}
        </span>
        {snapshot.status === "RUNNING" ? (
          <span className="flex flex-col gap-1">
            <progress
              max={Math.max(total, 1)}
              value={snapshot.rowsDone}
              aria-label={`Snapshot ${snapshot.number} progress`}
              className="w-32"
            />
            <span className="text-xs text-stone-600">
              {snapshot.rowsDone.toLocaleString("en")} of {total.toLocaleString("en")} rows
            </span>
          </span>
        ) : null}
        {snapshot.status === "READY" ? (
          <span className="block text-xs text-stone-600">
            {(snapshot.rowsTotal ?? snapshot.rowsDone).toLocaleString("en")} rows
          </span>
        ) : null}
        {snapshot.status === "FAILED" && snapshot.error ? (
          <span className="block max-w-xs text-xs text-red-800">{snapshot.error}</span>
        ) : null}
      </td>
      <td className="py-2 pr-3 tabular-nums">
        {snapshot.byteSize === null ? "—" : formatBytes(snapshot.byteSize)}
      </td>
      <td className="py-2 pr-3">
        {snapshot.checksum ? (
          <code className="block max-w-[16rem] font-mono text-xs break-all">
            {snapshot.checksum}
          </code>
        ) : (
          "—"
        )}
      </td>
      <td className="py-2 pr-3 text-xs">
        {formatDate(snapshot.createdAt)}
        {snapshot.createdByName ? <span className="block">by {snapshot.createdByName}</span> : null}
      </td>
      <td className="py-2">
        {snapshot.status === "READY" ? (
          <a
            href={`/api/v1/workspaces/${workspaceId}/snapshots/${snapshot.id}`}
            download
            className="text-sky-800 underline"
          >
            Download snapshot {snapshot.number}
          </a>
        ) : (
          "—"
        )}
      </td>
    </tr>
  );
}

// The same text on server and client (no locale or time zone), so hydration matches.
function formatDate(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  if (bytes < 1024 * 1024) {
    return `${(bytes / 1024).toFixed(1)} KB`;
  }
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
