import type { InsightDimension } from "@/lib/insight/types";

type MatrixLinksProps = {
  documentId: string;
  dimensions: Pick<InsightDimension, "id" | "name" | "codebookVersion">[];
};

// The reliability matrix per dimension, built on the server (docs/agreement.md).
export function MatrixLinks({ documentId, dimensions }: MatrixLinksProps) {
  const versions = new Set(dimensions.map((dimension) => dimension.codebookVersion));

  return (
    <section aria-labelledby="matrix-heading" className="flex flex-col gap-2">
      <h2 id="matrix-heading" className="text-lg font-semibold">
        Reliability matrix (units × annotators)
      </h2>
      <p className="text-sm text-stone-700">
        One row per word token, one column per annotator; each cell is the label key the annotator
        gave that token (several joined with “+”), “O” when they marked nothing there, “NA” when
        they are not an annotator of it. R:{" "}
        <code>irr::kripp.alpha(t(as.matrix(read.csv(f, row.names = 1))))</code>; Python:{" "}
        <code>
          krippendorff.alpha(reliability_data=codes.T, level_of_measurement=&quot;nominal&quot;)
        </code>{" "}
        after turning labels into numbers (docs/agreement.md).
      </p>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {dimensions.map((dimension) => (
          <li key={dimension.id}>
            <a
              href={`/api/v1/documents/${documentId}/reliability-matrix?dimension=${dimension.id}`}
              download
              className="text-sky-800 underline"
            >
              {dimension.name}
              {versions.size > 1 ? ` (v${dimension.codebookVersion})` : ""} — reliability matrix
              (CSV)
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
