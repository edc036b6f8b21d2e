import type { ProblemEntry } from "@/lib/validations/codebook";

type ProblemListProps = {
  id?: string;
  problems: ProblemEntry[];
  // What the list is about, e.g. "The codebook has 3 problems; nothing was imported."
  heading: string;
};

// Every problem with its path in the document ("dimensions[1].labels[0].shortcut"), in
// document order, so a person can fix them all in one go.
export function ProblemList({ id, problems, heading }: ProblemListProps) {
  return (
    <div
      id={id}
      role="alert"
      className="flex flex-col gap-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900"
      data-testid="codebook-problems"
    >
      <p className="font-semibold">{heading}</p>
      <ul className="flex list-disc flex-col gap-1 pl-5">
        {problems.map((problem, index) => (
          <li key={`${problem.location}-${index}`}>
            <code className="rounded bg-white px-1 text-red-950">
              {problem.location || "(the whole file)"}
            </code>{" "}
            {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
