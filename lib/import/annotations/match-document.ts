// Which workspace document a file row belongs to. Tried in this order, first hit wins:
//   1. the file's document id (JSONL meta.id, the W3C target.source's last segment) is a
//      document of this workspace: the file came from this workspace;
//   2. exactly one document has the file's text (JSONL `text`, compared by SHA-256) or the
//      file's text hash (W3C urn:framewise:terms:textHash): the same article in another
//      workspace, e.g. imported there from the same source file;
//   3. exactly one document has the file's title, character for character (JSONL
//      meta.title), for a document whose text was edited since.
// Several documents with the same text or title are reported as ambiguous, never guessed.
import { hashText } from "@/lib/text/hash-text";

import type { FileDocumentRef } from "./types";

export type MatchableDocument = { id: string; title: string; textHash: string };

export type DocumentMatch<Doc extends MatchableDocument> =
  { ok: true; document: Doc; by: "id" | "text" | "title" } | { ok: false; message: string };

export type DocumentIndex<Doc extends MatchableDocument> = {
  match: (ref: FileDocumentRef) => DocumentMatch<Doc>;
};

export function createDocumentIndex<Doc extends MatchableDocument>(
  documents: readonly Doc[],
): DocumentIndex<Doc> {
  const byId = new Map(documents.map((document) => [document.id, document]));
  const byHash = groupBy(documents, (document) => document.textHash);
  const byTitle = groupBy(documents, (document) => document.title);
  const hashes = new Map<string, string>();
  const hashOf = (text: string) => {
    let hash = hashes.get(text);
    if (hash === undefined) {
      hash = hashText(text);
      hashes.set(text, hash);
    }
    return hash;
  };

  return {
    match(ref) {
      const byOwnId = ref.id === null ? undefined : byId.get(ref.id);
      if (byOwnId) {
        return { ok: true, document: byOwnId, by: "id" };
      }

      const hash = ref.text !== null ? hashOf(ref.text) : ref.textHash;
      const sameText = hash === null ? [] : (byHash.get(hash) ?? []);
      if (sameText.length === 1 && sameText[0]) {
        return { ok: true, document: sameText[0], by: "text" };
      }
      if (sameText.length > 1) {
        return {
          ok: false,
          message: `${sameText.length} documents in this workspace have this text; give the document's id (meta.id) to choose one.`,
        };
      }

      const sameTitle = ref.title === null ? [] : (byTitle.get(ref.title) ?? []);
      if (sameTitle.length === 1 && sameTitle[0]) {
        return { ok: true, document: sameTitle[0], by: "title" };
      }
      if (sameTitle.length > 1) {
        return {
          ok: false,
          message: `${sameTitle.length} documents in this workspace are titled ${JSON.stringify(ref.title)}; give the document's id (meta.id) to choose one.`,
        };
      }

      const tried = [
        ref.id !== null ? `the id ${JSON.stringify(ref.id)}` : null,
        hash !== null ? "the text" : null,
        ref.title !== null ? `the title ${JSON.stringify(ref.title)}` : null,
      ].filter((entry) => entry !== null);
      return {
        ok: false,
        message:
          tried.length > 0
            ? `no document of this workspace matches (tried ${tried.join(", ")}). Add the article first.`
            : "the file does not say which document this is (no id, text or title).",
      };
    },
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const value = key(item);
    groups.set(value, [...(groups.get(value) ?? []), item]);
  }
  return groups;
}
