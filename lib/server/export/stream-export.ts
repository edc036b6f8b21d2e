import "server-only";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { createChunkEncoder } from "@/lib/export/chunk-encoder";
import { getExportFileName, getExportFormat } from "@/lib/export/formats";
import { isDownloadFormat, type ExportRequest } from "@/lib/validations/export";

import { recordAuditEvent } from "../audit/record-audit-event";

import { countExport, noMatchingRows } from "./count-export";
import { createFormatWriter } from "./create-format-writer";
import { exportIdleTimeoutMs, openExportReader, type ExportReader } from "./export-reader";
import { loadAnnotatorNames, loadExportRows, type ExportDocumentRows } from "./load-export-rows";
import { resolveExport } from "./resolve-export";

type StreamExportOptions = {
  userId: string;
  workspaceId: string;
  request: ExportRequest;
  baseUrl: string;
};

export type ExportDownload = {
  stream: ReadableStream<Uint8Array>;
  fileName: string;
  mimeType: string;
};

// Bytes are handed to the response in chunks of this size.
const pieceBytes = 64 * 1024;

// A download of a streaming format: the file is written while the response is sent, one
// document at a time, so memory stays flat and the database is read once. The first
// document is read before answering, so an export that matches nothing is a 422 (with the
// count of orphans left out), never an empty file. Every download is audited with its
// format, filters and whether names were real.
export async function streamExport({
  userId,
  workspaceId,
  request,
  baseUrl,
}: StreamExportOptions): Promise<ExportDownload> {
  const plan = await resolveExport({ userId, workspaceId, request, baseUrl });
  const format = getExportFormat(plan.format);

  if (!isDownloadFormat(plan.format)) {
    throw new AppError(
      "INVALID_INPUT",
      `${format.label} is built as a whole file, so it is available as a snapshot only: use “Save as snapshot”.`,
      { format: ["Save this format as a snapshot."] },
    );
  }

  const reader = await openExportReader();
  let rows: AsyncGenerator<ExportDocumentRows, void, undefined>;
  let first: ExportDocumentRows;
  try {
    const annotatorNames = await loadAnnotatorNames(reader, plan);
    rows = loadExportRows({ reader, plan, annotatorNames });
    const next = await rows.next();
    if (next.done) {
      const { orphaned } = await countExport(reader, plan);
      throw noMatchingRows(plan, orphaned);
    }
    first = next.value;

    await getDb().$transaction((tx) =>
      recordAuditEvent({
        tx,
        workspaceId,
        actorId: userId,
        action: "export.download",
        entityType: "workspace",
        entityId: workspaceId,
        after: {
          format: plan.format,
          filters: plan.filters,
          codebookId: plan.codebook.id,
          realNames: plan.realNames,
        },
      }),
    );
  } catch (error) {
    await reader.close(error);
    throw error;
  }

  const writer = createFormatWriter(plan);

  async function* pieces(): AsyncGenerator<string, void, undefined> {
    yield writer.header();
    yield writer.document(first.document, first.annotations);
    for await (const { document, annotations } of rows) {
      yield writer.document(document, annotations);
    }
    yield writer.footer();
  }

  const date = new Date().toISOString().slice(0, 10);

  return {
    stream: toByteStream(pieces(), reader),
    fileName: getExportFileName(plan.format, `${plan.workspace.name}-${date}`),
    mimeType: format.mimeType,
  };
}

// Pull-based, so a slow client slows the database reads instead of filling memory. The
// reader is closed when the file ends, on error, when the client goes away (cancel), or
// when nobody pulls for exportIdleTimeoutMs. Parts are encoded into fixed-size chunks
// (see chunk-encoder.ts); a pull reads parts until at least one chunk is full.
function toByteStream(
  source: AsyncGenerator<string, void, undefined>,
  reader: ExportReader,
): ReadableStream<Uint8Array> {
  const encoder = createChunkEncoder(pieceBytes);
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const finish = async (error?: unknown) => {
    clearTimeout(idleTimer);
    await source.return(undefined).catch(() => undefined);
    await reader.close(error);
  };

  const armIdleTimer = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      void finish(new Error("The export download stalled."));
    }, exportIdleTimeoutMs);
    idleTimer.unref?.();
  };

  return new ReadableStream<Uint8Array>(
    {
      start() {
        armIdleTimer();
      },
      async pull(controller) {
        clearTimeout(idleTimer);
        try {
          let isHandedOn = false;
          while (!isHandedOn) {
            const next = await source.next();
            if (next.done) {
              const last = encoder.flush();
              if (last) {
                controller.enqueue(last);
              }
              await finish();
              controller.close();
              return;
            }
            for (const chunk of encoder.write(next.value)) {
              controller.enqueue(chunk);
              isHandedOn = true;
            }
          }
          armIdleTimer();
        } catch (error) {
          // Headers are already sent: the download fails visibly (truncated), and the cause
          // is logged for the operator.
          console.error("[export]", error);
          await finish(error);
          controller.error(error);
        }
      },
      async cancel() {
        await finish(new Error("The client cancelled the download."));
      },
    },
    { highWaterMark: 0 },
  );
}
