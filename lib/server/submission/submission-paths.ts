// Where notifications and redirects point for a submission.
export function submissionPath(workspaceId: string, documentId: string): string {
  return `/workspaces/${workspaceId}/documents/${documentId}/submission`;
}

export function quoteTitle(title: string): string {
  return `“${title.length > 80 ? `${title.slice(0, 79)}…` : title}”`;
}
