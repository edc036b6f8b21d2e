// A codebook with every typed field, for integration tests (not a test file itself).
import { getDb } from "@/lib/db/client";

import type { TestClass } from "../assignment/class-test-support";

import { importCodebook } from "./import-codebook";
import { setDefaultCodebook } from "./set-default-codebook";

// A codebook with every typed field and two whole-document dimensions.
export const typedCodebook = (key: string, required = false) => ({
  schemaVersion: 1,
  key,
  name: "Typed fields",
  dimensions: [
    {
      key: "stance",
      name: "Stance",
      fieldType: "target",
      required,
      color: "#0072B2",
      labels: [
        { key: "critical", name: "Critical", shortcut: "c" },
        { key: "supportive", name: "Supportive", shortcut: "s" },
      ],
    },
    { key: "verdict", name: "Verdict", fieldType: "text", color: "#D55E00", labels: [] },
    {
      key: "source",
      name: "Source",
      fieldType: "link",
      color: "#009E73",
      labels: [
        { key: "named", name: "Named person" },
        { key: "anonymous", name: "Anonymous" },
      ],
    },
    {
      key: "genre",
      name: "Genre",
      scope: "document",
      color: "#CC79A7",
      labels: [
        { key: "opinion", name: "Opinion" },
        { key: "reporting", name: "Reporting" },
      ],
    },
    {
      key: "frames",
      name: "Frames",
      scope: "document",
      multiple: true,
      color: "#E69F00",
      labels: [
        { key: "Economic", name: "Economic" },
        { key: "Political", name: "Political" },
      ],
    },
  ],
});

export async function useTypedCodebook(ctx: TestClass, key: string, required = false) {
  const imported = await importCodebook({
    userId: ctx.owner.id,
    input: { workspaceId: ctx.workspace.id, json: JSON.stringify(typedCodebook(key, required)) },
  });
  await setDefaultCodebook({ userId: ctx.owner.id, codebookId: imported.id });
  const labels = await getDb().label.findMany({
    where: { dimension: { codebookId: imported.id } },
    select: { id: true, key: true, dimension: { select: { key: true } } },
  });
  return {
    codebookId: imported.id,
    labels: Object.fromEntries(
      labels.map((label) => [`${label.dimension.key}:${label.key}`, label.id]),
    ) as Record<string, string>,
  };
}
