"use client";

import { createContext, useContext, type ReactNode } from "react";

import type { FieldValue } from "@/lib/codebooks/field-values";

type ValuesContext = {
  // Dimension names by key, for "Stance target: …".
  dimensionNames: ReadonlyMap<string, string>;
  // Quotes of the highlights this reader holds, for "Source: “…”".
  quotes: ReadonlyMap<string, string>;
};

const AnnotationValuesContext = createContext<ValuesContext>({
  dimensionNames: new Map(),
  quotes: new Map(),
});

type AnnotationValuesProviderProps = ValuesContext & { children: ReactNode };

// Context rather than props, so the highlight list passes nothing new to its items.
export function AnnotationValuesProvider({
  dimensionNames,
  quotes,
  children,
}: AnnotationValuesProviderProps) {
  return (
    <AnnotationValuesContext.Provider value={{ dimensionNames, quotes }}>
      {children}
    </AnnotationValuesContext.Provider>
  );
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

// Moves the reader to a linked highlight: the passage scrolls into view and the keyboard
// focus goes to its entry in the list, so Enter on the link works like a click.
function jumpTo(annotationId: string) {
  const mark = document.querySelector(`mark[data-ids~="${CSS.escape(annotationId)}"]`);
  mark?.scrollIntoView({ block: "center", behavior: "smooth" });
  document
    .getElementById(`annotation-${annotationId}`)
    ?.querySelector<HTMLElement>("button")
    ?.focus({ preventScroll: Boolean(mark) });
}

// A highlight's typed field values: target and stance holder, free text, and links.
export function AnnotationValues({ values }: { values: readonly FieldValue[] }) {
  const { dimensionNames, quotes } = useContext(AnnotationValuesContext);
  if (values.length === 0) {
    return null;
  }

  return (
    <dl className="flex flex-col gap-0.5 text-xs" data-testid="annotation-values">
      {values.map((value) => {
        const name = dimensionNames.get(value.dimensionKey) ?? value.dimensionKey;
        const linked = value.linkedAnnotationId ? quotes.get(value.linkedAnnotationId) : undefined;
        return (
          <div key={value.dimensionKey} className="flex flex-wrap gap-x-1">
            <dt className="text-stone-600">{name}:</dt>
            <dd className="text-stone-900">
              {value.target ? <>target “{value.target}”</> : null}
              {value.holder ? <> (held by {value.holder})</> : null}
              {value.text ? <span className="whitespace-pre-wrap">{value.text}</span> : null}
              {value.linkedAnnotationId ? (
                linked !== undefined ? (
                  <button
                    type="button"
                    className="text-left text-sky-800 underline"
                    onClick={() => jumpTo(value.linkedAnnotationId ?? "")}
                  >
                    linked to “{shorten(linked)}”
                  </button>
                ) : (
                  <span className="text-stone-600">linked to a highlight not shown here</span>
                )
              ) : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
