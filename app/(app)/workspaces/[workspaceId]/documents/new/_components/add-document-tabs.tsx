"use client";

import { useRef, useState, type KeyboardEvent } from "react";

import { BulkImport } from "./bulk-import";
import { CreateDocumentForm } from "./create-document-form";
import { ImportArticle } from "./import-article";

const tabs = [
  { key: "paste", name: "Paste text" },
  { key: "file", name: "Upload a file" },
  { key: "url", name: "From a web address" },
  { key: "bulk", name: "Many at once" },
] as const;

type TabKey = (typeof tabs)[number]["key"];

type AddDocumentTabsProps = { workspaceId: string };

// WAI-ARIA tabs: arrow keys move between tabs, Tab moves into the panel.
export function AddDocumentTabs({ workspaceId }: AddDocumentTabsProps) {
  const [selected, setSelected] = useState<TabKey>("paste");
  const tabRefs = useRef(new Map<TabKey, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((tab) => tab.key === selected);
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    const target =
      event.key === "Home" ? 0 : event.key === "End" ? tabs.length - 1 : step ? index + step : null;
    if (target === null) {
      return;
    }
    event.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length];
    if (next) {
      setSelected(next.key);
      tabRefs.current.get(next.key)?.focus();
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <div
        role="tablist"
        aria-label="How to add the article"
        className="flex flex-wrap gap-1 border-b border-stone-300"
        onKeyDown={onKeyDown}
      >
        {tabs.map((tab) => (
          <button
            key={tab.key}
            ref={(element) => {
              if (element) {
                tabRefs.current.set(tab.key, element);
              }
            }}
            type="button"
            role="tab"
            id={`tab-${tab.key}`}
            aria-selected={selected === tab.key}
            aria-controls={`panel-${tab.key}`}
            tabIndex={selected === tab.key ? 0 : -1}
            onClick={() => setSelected(tab.key)}
            className={`-mb-px rounded-t-md border px-3 py-2 text-sm ${selected === tab.key ? "border-stone-300 border-b-white bg-white font-semibold" : "border-transparent text-stone-700 hover:bg-stone-100"}`}
          >
            {tab.name}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${selected}`} aria-labelledby={`tab-${selected}`}>
        {selected === "paste" ? <CreateDocumentForm workspaceId={workspaceId} /> : null}
        {selected === "file" ? <ImportArticle workspaceId={workspaceId} source="file" /> : null}
        {selected === "url" ? <ImportArticle workspaceId={workspaceId} source="url" /> : null}
        {selected === "bulk" ? <BulkImport workspaceId={workspaceId} /> : null}
      </div>
    </div>
  );
}
