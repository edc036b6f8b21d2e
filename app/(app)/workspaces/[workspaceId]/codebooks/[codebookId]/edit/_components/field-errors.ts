import type { CodebookProblem } from "@/lib/codebooks/validate-codebook";

import type { EditorState } from "./editor-state";

// Problems by location, and where each one can be fixed in the form.
export function groupProblems(problems: CodebookProblem[]) {
  const byLocation = new Map<string, string[]>();
  for (const problem of problems) {
    byLocation.set(problem.location, [
      ...(byLocation.get(problem.location) ?? []),
      problem.message,
    ]);
  }

  // A field shows its own problems and those of its parts (one example of a list).
  return (location: string): string[] | undefined => {
    const found = [...byLocation.entries()]
      .filter(([at]) => at === location || at.startsWith(`${location}[`))
      .flatMap(([, messages]) => messages);
    return found.length > 0 ? found : undefined;
  };
}

export function fieldIdFor(state: EditorState, path: (string | number)[]): string {
  const [first, dimensionIndex, second, labelIndex, field] = path;

  if (first !== "dimensions") {
    return `codebook-${String(first ?? "name")}`;
  }
  const dimension =
    typeof dimensionIndex === "number" ? state.dimensions[dimensionIndex] : undefined;
  if (!dimension) {
    return "add-dimension";
  }
  if (second !== "labels") {
    return `${dimension.uid}-${String(second ?? "name")}`;
  }
  const label = typeof labelIndex === "number" ? dimension.labels[labelIndex] : undefined;
  if (!label) {
    return `${dimension.uid}-add-label`;
  }
  return `${label.uid}-${String(field ?? "name")}`;
}
