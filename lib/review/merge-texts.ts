// Three-way merge of two edits of the same text (diff3 at the word level): the version
// both people started from (base), the one being saved (mine) and the one saved in the
// meantime (theirs). Changes on different words combine; where both changed the same
// words differently, both versions are kept between plain-text markers for the person to
// settle before saving. Bounded like the version diff: past maxEdits it gives up.
import { alignSequences } from "@/lib/anchoring/align-sequences";

export type MergeResult =
  { ok: true; text: string; conflicts: number } | { ok: false; message: string };

export const mergeMarkers = {
  mine: "<<<<<<< your version",
  separator: "=======",
  theirs: ">>>>>>> their version",
} as const;

const tokenPattern = /[\p{L}\p{M}\p{N}]+|\s+|[\s\S]/gu;

// Without the base text (a document from before revisions were kept) nobody can tell who
// changed what, so every difference is kept as a conflict for the person to settle.
export function mergeTexts(
  { base: knownBase, mine, theirs }: { base: string | null; mine: string; theirs: string },
  maxEdits = 2000,
): MergeResult {
  const base = knownBase ?? (mine === theirs ? mine : null);
  if (base === null) {
    return mergeWithoutBase(mine, theirs, maxEdits);
  }
  if (mine === theirs || theirs === base) {
    return { ok: true, text: mine, conflicts: 0 };
  }
  if (mine === base) {
    return { ok: true, text: theirs, conflicts: 0 };
  }

  const ids = new Map<string, number>();
  const idOf = (token: string) => {
    let id = ids.get(token);
    if (id === undefined) {
      id = ids.size;
      ids.set(token, id);
    }
    return id;
  };
  const baseTokens = tokenize(base);
  const mineTokens = tokenize(mine);
  const theirTokens = tokenize(theirs);
  const baseIds = baseTokens.map(idOf);

  const toMine = alignSequences(baseIds, mineTokens.map(idOf), maxEdits);
  const toTheirs = alignSequences(baseIds, theirTokens.map(idOf), maxEdits);
  if (!toMine || !toTheirs) {
    return {
      ok: false,
      message:
        "The two versions differ too much to merge word by word. Choose one version, or copy the parts you need from theirs into yours.",
    };
  }

  const mineAt = new Map<number, number>();
  toMine.aIndices.forEach((baseIndex, pair) => mineAt.set(baseIndex, toMine.bIndices[pair]!));
  const theirsAt = new Map<number, number>();
  toTheirs.aIndices.forEach((baseIndex, pair) => theirsAt.set(baseIndex, toTheirs.bIndices[pair]!));

  const out: string[] = [];
  let conflicts = 0;
  let baseFrom = 0;
  let mineFrom = 0;
  let theirsFrom = 0;

  // A base token both sides kept is a sync point; between two sync points each side
  // either kept the base text or changed it, and flush decides what the merge keeps.
  const flush = (baseTo: number, mineTo: number, theirsTo: number) => {
    const baseChunk = baseTokens.slice(baseFrom, baseTo).join("");
    const mineChunk = mineTokens.slice(mineFrom, mineTo).join("");
    const theirChunk = theirTokens.slice(theirsFrom, theirsTo).join("");

    if (mineChunk === theirChunk || theirChunk === baseChunk) {
      out.push(mineChunk);
    } else if (mineChunk === baseChunk) {
      out.push(theirChunk);
    } else {
      conflicts += 1;
      out.push(conflictBlock(mineChunk, theirChunk));
    }
  };

  for (let baseIndex = 0; baseIndex < baseTokens.length; baseIndex += 1) {
    const mineIndex = mineAt.get(baseIndex);
    const theirIndex = theirsAt.get(baseIndex);
    if (mineIndex === undefined || theirIndex === undefined) {
      continue;
    }
    flush(baseIndex, mineIndex, theirIndex);
    out.push(baseTokens[baseIndex]!);
    baseFrom = baseIndex + 1;
    mineFrom = mineIndex + 1;
    theirsFrom = theirIndex + 1;
  }
  flush(baseTokens.length, mineTokens.length, theirTokens.length);

  return { ok: true, text: out.join(""), conflicts };
}

function conflictBlock(mineChunk: string, theirChunk: string): string {
  return `\n${mergeMarkers.mine}\n${mineChunk}\n${mergeMarkers.separator}\n${theirChunk}\n${mergeMarkers.theirs}\n`;
}

function mergeWithoutBase(mine: string, theirs: string, maxEdits: number): MergeResult {
  const ids = new Map<string, number>();
  const idOf = (token: string) => {
    let id = ids.get(token);
    if (id === undefined) {
      id = ids.size;
      ids.set(token, id);
    }
    return id;
  };
  const mineTokens = tokenize(mine);
  const theirTokens = tokenize(theirs);
  const alignment = alignSequences(mineTokens.map(idOf), theirTokens.map(idOf), maxEdits);
  if (!alignment) {
    return {
      ok: false,
      message:
        "The two versions differ too much to merge word by word. Choose one version, or copy the parts you need from theirs into yours.",
    };
  }

  const out: string[] = [];
  let conflicts = 0;
  let mineFrom = 0;
  let theirsFrom = 0;
  const flush = (mineTo: number, theirsTo: number) => {
    const mineChunk = mineTokens.slice(mineFrom, mineTo).join("");
    const theirChunk = theirTokens.slice(theirsFrom, theirsTo).join("");
    if (mineChunk === theirChunk) {
      out.push(mineChunk);
    } else {
      conflicts += 1;
      out.push(conflictBlock(mineChunk, theirChunk));
    }
  };
  alignment.aIndices.forEach((mineIndex, pair) => {
    const theirIndex = alignment.bIndices[pair]!;
    flush(mineIndex, theirIndex);
    out.push(mineTokens[mineIndex]!);
    mineFrom = mineIndex + 1;
    theirsFrom = theirIndex + 1;
  });
  flush(mineTokens.length, theirTokens.length);

  return { ok: true, text: out.join(""), conflicts };
}

export function hasMergeMarkers(text: string): boolean {
  return text.includes(mergeMarkers.mine) && text.includes(mergeMarkers.theirs);
}

function tokenize(text: string): string[] {
  return [...text.matchAll(tokenPattern)].map((match) => match[0]);
}
