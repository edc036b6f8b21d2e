"use client";

import { useState } from "react";

import type { SnapshotView } from "@/lib/server/export/snapshot-view";

import { ExportForm, type ExportFormProps } from "./export-form";
import { SnapshotList } from "./snapshot-list";

type ExportsViewProps = Omit<ExportFormProps, "onSnapshotCreated"> & {
  initialSnapshots: SnapshotView[];
};

// The export form and the snapshot list share the list: a snapshot saved from the form
// appears at once and its progress is polled until it is ready.
export function ExportsView({ initialSnapshots, ...formProps }: ExportsViewProps) {
  const [snapshots, setSnapshots] = useState(initialSnapshots);

  return (
    <div className="flex flex-col gap-8">
      <ExportForm
        {...formProps}
        onSnapshotCreated={(snapshot) =>
          setSnapshots((current) => [
            snapshot,
            ...current.filter((item) => item.id !== snapshot.id),
          ])
        }
      />
      <SnapshotList
        workspaceId={formProps.workspaceId}
        snapshots={snapshots}
        onSnapshotsChange={setSnapshots}
      />
    </div>
  );
}
