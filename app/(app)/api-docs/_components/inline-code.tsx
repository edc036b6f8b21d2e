import { Fragment } from "react";

type InlineCodeProps = { text: string };

// Descriptions in the OpenAPI document mark code with `backticks`; everything else is
// plain text (no HTML is ever interpreted).
export function InlineCode({ text }: InlineCodeProps) {
  return (
    <>
      {text.split(/(`[^`]+`)/g).map((part, index) =>
        part.startsWith("`") && part.endsWith("`") && part.length > 1 ? (
          <code key={index} className="rounded bg-stone-100 px-1 font-mono text-[0.9em]">
            {part.slice(1, -1)}
          </code>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}
