// The folder inside a snapshot archive and the download's file name: ASCII only, so every
// tar reader and file system accepts them, e.g. "class-9b-framing-snapshot-3".
export function snapshotFolderName(name: string, number: number): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 60)
    .replace(/[-.]+$/g, "");

  return `${slug || "dataset"}-snapshot-${number}`;
}

export function snapshotFileName(name: string, number: number): string {
  return `${snapshotFolderName(name, number)}.tar`;
}
