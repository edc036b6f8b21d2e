// A child process for the SIGKILL tests (tests/faults/process-kill.int.test.ts): it does one
// long job through the real server functions against DATABASE_URL and says when it is under
// way, so the test can kill it mid-job. Run with `node --conditions=react-server --import tsx`.
import { createSnapshot } from "@/lib/server/export/create-snapshot";
import { createDocumentsBatch } from "@/lib/server/import/create-documents-batch";
import { createSnapshotSchema } from "@/lib/validations/export";
import { createDocumentSchema } from "@/lib/validations/document";

const [mode = "", userId = "", workspaceId = ""] = process.argv.slice(2);

async function importForever() {
  const paragraph = "A council report on the tram line, quoted at length. ".repeat(400);
  for (let batch = 0; ; batch += 1) {
    const documents = Array.from({ length: 25 }, (_, row) =>
      createDocumentSchema.parse({
        title: `Bulk ${batch}-${row}`,
        text: `${paragraph}\n\nRow ${batch}-${row}.`,
      }),
    );
    await createDocumentsBatch({ userId, workspaceId, documents });
    console.log(`batch ${batch} saved`);
  }
}

async function snapshot() {
  const { snapshot, write } = await createSnapshot({
    userId,
    workspaceId,
    input: createSnapshotSchema.parse({
      format: "jsonl",
      filters: {},
      realNames: false,
      name: "Killed mid-write",
    }),
    baseUrl: "https://framewise.example.org",
  });
  console.log(`running ${snapshot.id}`);
  await write();
  console.log("finished");
}

(mode === "import" ? importForever() : snapshot()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
