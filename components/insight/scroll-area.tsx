import type { ReactNode } from "react";

// A wide table or chart that may scroll sideways: focusable and named, so keyboard users
// can scroll it too (WCAG 2.1.1; axe "scrollable-region-focusable").
export function ScrollArea({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-sky-800"
    >
      {children}
    </div>
  );
}
