// Who may use what: every page, API route (per method) and server action of the app,
// against every kind of caller, with the way a refusal must look. Pure data: the
// completeness test (permission-matrix.test.ts) checks it lists every page, route and
// exported server action in the tree; the e2e walker (e2e/permissions.spec.ts) and the
// action walker (lib/actions/permission-matrix.int.test.ts) check the running app
// answers exactly this. Adding a route is one line below.
//
// The callers. Member roles are in workspace A, where every id in the walk lives.
// "outsider" owns workspace B and nothing in A. API tokens belong to the editor and are
// scoped to workspace A (so they can do at most what the editor can).
export const matrixRoles = [
  "owner",
  "editor",
  "annotator",
  "viewer",
  "outsider",
  "signedOut",
  "tokenRead",
  "tokenWrite",
] as const;

export type MatrixRole = (typeof matrixRoles)[number];
type MemberRole = "OWNER" | "EDITOR" | "ANNOTATOR" | "VIEWER";

// allow: the page renders (200) / the route answers 2xx / the action returns ok.
// notFound: 404 (pages: Next's not-found page; API: {error}; action: "not found" message),
//   the same answer as for an id that does not exist, so ids of other workspaces leak nothing.
// forbidden: 403 with a message (a role that may see but not change).
// signIn: pages redirect to /sign-in; the API answers 401 with a message; actions say "sign in".
// redirect: a page that sends this caller elsewhere (the sign-in page when signed in).
// explained: a page that renders (200) only the reason this member may not see it (the
//   agreement views tell students why and point to the profile instead); no data.
export type Outcome = "allow" | "notFound" | "forbidden" | "signIn" | "redirect" | "explained";
export type Access = Readonly<Record<MatrixRole, Outcome>>;

const rank: Record<MemberRole, number> = { VIEWER: 0, ANNOTATOR: 1, EDITOR: 2, OWNER: 3 };
const memberRoles = [
  ["owner", "OWNER"],
  ["editor", "EDITOR"],
  ["annotator", "ANNOTATOR"],
  ["viewer", "VIEWER"],
] as const;

type RuleOptions = {
  // How a member below `min` is refused (pages always answer 404).
  below?: "forbidden" | "notFound";
  // The route also accepts personal API tokens (requireApiCaller), not only the session.
  tokens?: boolean;
  // The route changes something: a READ token is refused with 403.
  write?: boolean;
  // Exceptions for one caller, e.g. the annotator may delete their own highlight.
  except?: Partial<Record<MatrixRole, Outcome>>;
};

function members(min: MemberRole, below: Outcome) {
  return Object.fromEntries(
    memberRoles.map(([name, role]) => [name, rank[role] >= rank[min] ? "allow" : below]),
  ) as Record<"owner" | "editor" | "annotator" | "viewer", Outcome>;
}

// A workspace page: members from `min` up; everyone else not found or sent to sign in.
export function pageRule(min: MemberRole, except: RuleOptions["except"] = {}): Access {
  return {
    ...members(min, "notFound"),
    outsider: "notFound",
    signedOut: "signIn",
    tokenRead: "signIn",
    tokenWrite: "signIn",
    ...except,
  };
}

// A workspace API route or server action: members from `min` up.
export function apiRule(min: MemberRole, options: RuleOptions = {}): Access {
  const roles = members(min, options.below ?? "forbidden");
  const asToken = (scope: "read" | "write"): Outcome => {
    if (!options.tokens) {
      return "signIn";
    }
    if (options.write && scope === "read") {
      return "forbidden";
    }
    return options.except?.editor ?? roles.editor;
  };
  return {
    ...roles,
    outsider: "notFound",
    signedOut: "signIn",
    tokenRead: asToken("read"),
    tokenWrite: asToken("write"),
    ...options.except,
  };
}

// Anyone signed in (not about one workspace's data).
export const signedInRule: Access = {
  owner: "allow",
  editor: "allow",
  annotator: "allow",
  viewer: "allow",
  outsider: "allow",
  signedOut: "signIn",
  tokenRead: "signIn",
  tokenWrite: "signIn",
};

export const publicRule: Access = {
  owner: "allow",
  editor: "allow",
  annotator: "allow",
  viewer: "allow",
  outsider: "allow",
  signedOut: "allow",
  tokenRead: "allow",
  tokenWrite: "allow",
};

// Sign-in and sign-up: signed-in people are sent on to their workspaces.
const signedOutOnlyRule: Access = {
  ...mapAccess(signedInRule, () => "redirect"),
  signedOut: "allow",
  tokenRead: "allow",
  tokenWrite: "allow",
};

function mapAccess(access: Access, to: (outcome: Outcome) => Outcome): Access {
  return Object.fromEntries(
    Object.entries(access).map(([role, outcome]) => [role, to(outcome)]),
  ) as Access;
}

const explainedBelowEditor = { annotator: "explained", viewer: "explained" } as const;

// Keyed by the URL as the file tree spells it ("/workspaces/[workspaceId]/audit").
export const pageMatrix: Record<string, Access> = {
  "/": signedOutOnlyRule,
  "/sign-in": signedOutOnlyRule,
  "/sign-up": signedOutOnlyRule,
  // Public: a bad or disabled code explains itself, whoever asks.
  "/join/[code]": publicRule,
  "/join": signedInRule,
  "/api-docs": signedInRule,
  "/inbox": signedInRule,
  "/settings/tokens": signedInRule,
  "/settings/account": signedInRule,
  "/workspaces": signedInRule,
  "/workspaces/[workspaceId]": pageRule("VIEWER"),
  "/workspaces/[workspaceId]/members": pageRule("VIEWER"),
  "/workspaces/[workspaceId]/audit": pageRule("OWNER"),
  "/workspaces/[workspaceId]/exports": pageRule("EDITOR"),
  "/workspaces/[workspaceId]/annotation-imports": pageRule("EDITOR"),
  "/workspaces/[workspaceId]/documents/new": pageRule("EDITOR"),
  "/workspaces/[workspaceId]/documents/[documentId]": pageRule("VIEWER"),
  // Annotators may revise the documents they added (the walk's document is the owner's).
  "/workspaces/[workspaceId]/documents/[documentId]/edit": pageRule("EDITOR"),
  "/workspaces/[workspaceId]/documents/[documentId]/history": pageRule("VIEWER"),
  "/workspaces/[workspaceId]/documents/[documentId]/profile": pageRule("VIEWER"),
  "/workspaces/[workspaceId]/documents/[documentId]/agreement": pageRule(
    "EDITOR",
    explainedBelowEditor,
  ),
  "/workspaces/[workspaceId]/documents/[documentId]/submission": pageRule("VIEWER"),
  "/workspaces/[workspaceId]/documents/[documentId]/compare": pageRule("VIEWER"),
  "/workspaces/[workspaceId]/documents/[documentId]/versions": pageRule("VIEWER"),
  "/workspaces/[workspaceId]/codebooks": pageRule("VIEWER"),
  "/workspaces/[workspaceId]/codebooks/new": pageRule("EDITOR"),
  "/workspaces/[workspaceId]/codebooks/import": pageRule("EDITOR"),
  "/workspaces/[workspaceId]/codebooks/[codebookId]": pageRule("VIEWER"),
  "/workspaces/[workspaceId]/codebooks/[codebookId]/edit": pageRule("EDITOR"),
  "/workspaces/[workspaceId]/codebooks/[codebookId]/change-labels": pageRule("EDITOR"),
  "/workspaces/[workspaceId]/codebooks/[codebookId]/labels/[labelId]": pageRule("VIEWER"),
  "/workspaces/[workspaceId]/collections": pageRule("VIEWER"),
  "/workspaces/[workspaceId]/collections/[collectionId]": pageRule("VIEWER"),
  "/workspaces/[workspaceId]/collections/workspace-agreement": pageRule(
    "EDITOR",
    explainedBelowEditor,
  ),
  "/workspaces/[workspaceId]/assignments": pageRule("VIEWER"),
  "/workspaces/[workspaceId]/assignments/new": pageRule("EDITOR"),
  "/workspaces/[workspaceId]/assignments/[assignmentId]": pageRule("VIEWER"),
  "/workspaces/[workspaceId]/assignments/[assignmentId]/edit": pageRule("EDITOR"),
  "/workspaces/[workspaceId]/assignments/[assignmentId]/gradebook": pageRule("EDITOR"),
  // The walk asks for the annotator's results: a student sees their own.
  "/workspaces/[workspaceId]/assignments/[assignmentId]/results": pageRule("EDITOR", {
    annotator: "allow",
  }),
  "/workspaces/[workspaceId]/assignments/[assignmentId]/key": pageRule("EDITOR"),
  "/workspaces/[workspaceId]/assignments/[assignmentId]/class/[documentId]": pageRule("EDITOR"),
  "/workspaces/[workspaceId]/review": pageRule("ANNOTATOR"),
  "/workspaces/[workspaceId]/review/new": pageRule("ANNOTATOR"),
  "/workspaces/[workspaceId]/review/adjudicate/[documentId]": pageRule("EDITOR"),
};

// Keyed by "METHOD /url/as/spelled/in/the/tree".
export const routeMatrix: Record<string, Access> = {
  // next-auth's own endpoints (csrf, session, callback): public by design.
  "GET /api/auth/[...nextauth]": publicRule,
  // Without next-auth's CSRF token a POST is sent back to sign in, whoever asks.
  "POST /api/auth/[...nextauth]": mapAccess(publicRule, () => "redirect"),
  "GET /api/v1/openapi.json": publicRule,
  "GET /api/v1/workspaces": { ...signedInRule, tokenRead: "allow", tokenWrite: "allow" },
  "GET /api/v1/workspaces/[workspaceId]/documents": apiRule("VIEWER", { tokens: true }),
  "POST /api/v1/workspaces/[workspaceId]/documents": apiRule("EDITOR", {
    tokens: true,
    write: true,
  }),
  "GET /api/v1/workspaces/[workspaceId]/codebooks": apiRule("VIEWER", { tokens: true }),
  "GET /api/v1/workspaces/[workspaceId]/collections": apiRule("VIEWER"),
  "POST /api/v1/workspaces/[workspaceId]/collections": apiRule("EDITOR", { write: true }),
  "GET /api/v1/workspaces/[workspaceId]/audit-log": apiRule("OWNER"),
  "GET /api/v1/workspaces/[workspaceId]/exports": apiRule("EDITOR", { tokens: true }),
  "GET /api/v1/workspaces/[workspaceId]/exports/summary": apiRule("EDITOR", { tokens: true }),
  "GET /api/v1/workspaces/[workspaceId]/snapshots": apiRule("EDITOR", { tokens: true }),
  "POST /api/v1/workspaces/[workspaceId]/snapshots": apiRule("EDITOR", {
    tokens: true,
    write: true,
  }),
  "GET /api/v1/workspaces/[workspaceId]/snapshots/[snapshotId]": apiRule("EDITOR", {
    tokens: true,
  }),
  "POST /api/v1/workspaces/[workspaceId]/imports": apiRule("EDITOR", { tokens: true, write: true }),
  "POST /api/v1/workspaces/[workspaceId]/imports/bulk-preview": apiRule("EDITOR", {
    tokens: true,
    write: true,
  }),
  "GET /api/v1/workspaces/[workspaceId]/reliability-matrix": apiRule("EDITOR"),
  "GET /api/v1/documents/[documentId]": apiRule("VIEWER", { tokens: true }),
  "GET /api/v1/documents/[documentId]/annotations": apiRule("VIEWER", { tokens: true }),
  "POST /api/v1/documents/[documentId]/annotations": apiRule("ANNOTATOR", {
    tokens: true,
    write: true,
  }),
  "GET /api/v1/documents/[documentId]/threads": apiRule("VIEWER"),
  "GET /api/v1/documents/[documentId]/events": apiRule("VIEWER"),
  "GET /api/v1/workspaces/[workspaceId]/presence": apiRule("VIEWER"),
  "GET /api/v1/documents/[documentId]/answers": apiRule("VIEWER", { tokens: true }),
  "PUT /api/v1/documents/[documentId]/answers": apiRule("ANNOTATOR", { tokens: true, write: true }),
  "POST /api/v1/workspaces/[workspaceId]/annotation-imports": apiRule("EDITOR", {
    tokens: true,
    write: true,
  }),
  "GET /api/v1/documents/[documentId]/reliability-matrix": apiRule("EDITOR"),
  // Only the submission's author resubmits (the walk's submission is the annotator's).
  "POST /api/v1/documents/[documentId]/resubmit": apiRule("ANNOTATOR", {
    write: true,
    except: { owner: "forbidden", editor: "forbidden" },
  }),
  // The walk's highlight is the annotator's own: owners and editors may remove others' too.
  "PATCH /api/v1/annotations/[annotationId]": apiRule("ANNOTATOR", {
    tokens: true,
    write: true,
    except: { owner: "forbidden", editor: "forbidden" },
  }),
  "DELETE /api/v1/annotations/[annotationId]": apiRule("ANNOTATOR", {
    tokens: true,
    write: true,
    except: { owner: "forbidden", editor: "forbidden" },
  }),
  "POST /api/v1/annotations/[annotationId]/restore": apiRule("ANNOTATOR", {
    tokens: true,
    write: true,
  }),
  "GET /api/v1/annotations/[annotationId]/comments": apiRule("VIEWER"),
  "POST /api/v1/annotations/[annotationId]/comments": apiRule("ANNOTATOR", { write: true }),
  // The walk reacts to the editor's highlight: nobody reacts to their own.
  "POST /api/v1/annotations/[annotationId]/reaction": apiRule("ANNOTATOR", {
    write: true,
    except: { editor: "forbidden" },
  }),
  "POST /api/v1/annotations/[annotationId]/read": apiRule("VIEWER", { write: true }),
  // Pinning and hiding replies is moderation: instructors only.
  "PATCH /api/v1/comments/[commentId]": apiRule("EDITOR", { write: true }),
  "DELETE /api/v1/collections/[collectionId]": apiRule("EDITOR", { write: true }),
  "POST /api/v1/collections/[collectionId]/documents": apiRule("EDITOR", { write: true }),
  "DELETE /api/v1/collections/[collectionId]/documents/[documentId]": apiRule("EDITOR", {
    write: true,
  }),
  "GET /api/v1/collections/[collectionId]/reliability-matrix": apiRule("EDITOR"),
  "GET /api/v1/assignments/[assignmentId]/gradebook": apiRule("EDITOR"),
  "GET /workspaces/[workspaceId]/codebooks/[codebookId]/export": apiRule("VIEWER"),
};

// Keyed by "file#exportedFunction". Server actions run with the session cookie only, so
// API tokens count as signed out.
export const actionMatrix: Record<string, Access> = {
  "lib/actions/sign-up.ts#signUpAction": publicRule,
  "lib/actions/create-workspace.ts#createWorkspaceAction": signedInRule,
  "app/(app)/settings/account/_actions/change-password.ts#changePasswordAction": signedInRule,
  "app/(app)/settings/account/_actions/end-sessions.ts#endSessionAction": signedInRule,
  "app/(app)/settings/account/_actions/end-sessions.ts#endOtherSessionsAction": signedInRule,
  "lib/actions/join-workspace.ts#joinWorkspaceAction": signedInRule,
  "lib/actions/notifications.ts#openNotificationAction": signedInRule,
  "lib/actions/notifications.ts#markAllNotificationsReadAction": signedInRule,
  "app/(app)/settings/tokens/_actions/create-api-token.ts#createApiTokenAction": apiRule("VIEWER"),
  "app/(app)/settings/tokens/_actions/revoke-api-token.ts#revokeApiTokenAction": signedInRule,
  "lib/actions/create-document.ts#createDocumentAction": apiRule("EDITOR"),
  "lib/actions/update-document.ts#updateDocumentAction": apiRule("EDITOR"),
  "lib/actions/restore-annotation.ts#restoreAnnotationAction": apiRule("ANNOTATOR"),
  "lib/actions/set-display-name.ts#setDisplayNameAction": apiRule("VIEWER"),
  // Instructors manage the class list; only owners make, unmake or remove owners (a
  // refusal the walker does not reach: its target member is an annotator).
  "lib/actions/change-member-role.ts#changeMemberRoleAction": apiRule("EDITOR"),
  "lib/actions/remove-member.ts#removeMemberAction": apiRule("EDITOR"),
  "lib/actions/update-join-code.ts#updateJoinCodeAction": apiRule("EDITOR"),
  "lib/actions/create-codebook.ts#createCodebookAction": apiRule("EDITOR"),
  "lib/actions/update-codebook.ts#updateCodebookAction": apiRule("EDITOR"),
  "lib/actions/import-codebook.ts#importCodebookAction": apiRule("EDITOR"),
  "lib/actions/publish-codebook.ts#publishCodebookAction": apiRule("EDITOR"),
  "lib/actions/discard-codebook-draft.ts#discardCodebookDraftAction": apiRule("EDITOR"),
  "lib/actions/set-default-codebook.ts#setDefaultCodebookAction": apiRule("EDITOR"),
  "lib/actions/rename-codebook-label.ts#renameCodebookLabelAction": apiRule("EDITOR"),
  "lib/actions/delete-codebook-label.ts#deleteCodebookLabelAction": apiRule("EDITOR"),
  "lib/actions/merge-codebook-labels.ts#mergeCodebookLabelsAction": apiRule("EDITOR"),
  "lib/actions/split-codebook-label.ts#splitCodebookLabelAction": apiRule("EDITOR"),
  // For the split form: every highlight of a label, whoever made it.
  "lib/actions/list-codebook-label-annotations.ts#listCodebookLabelAnnotationsAction":
    apiRule("EDITOR"),
  "lib/actions/create-submission.ts#createSubmissionAction": apiRule("ANNOTATOR"),
  "lib/actions/assign-reviewer.ts#assignReviewerAction": apiRule("EDITOR"),
  "lib/actions/transition-submission.ts#transitionSubmissionAction": apiRule("EDITOR"),
  "lib/actions/review-annotations.ts#decideAnnotationReviewAction": apiRule("EDITOR"),
  "lib/actions/review-annotations.ts#editGoldAnnotationAction": apiRule("EDITOR"),
  "lib/actions/review-annotations.ts#addGoldAnnotationAction": apiRule("EDITOR"),
  "lib/actions/review-annotations.ts#acceptAgreedAnnotationsAction": apiRule("EDITOR"),
  "lib/actions/save-assignment.ts#saveAssignmentAction": apiRule("EDITOR"),
  // Students hand in; instructors do not.
  "lib/actions/assignment-actions.ts#submitAssignmentAction": apiRule("ANNOTATOR", {
    except: { owner: "forbidden", editor: "forbidden" },
  }),
  "lib/actions/assignment-actions.ts#reopenAssignmentAction": apiRule("EDITOR"),
  "lib/actions/assignment-actions.ts#revealAssignmentAction": apiRule("EDITOR"),
  "lib/actions/assignment-actions.ts#hideAssignmentAction": apiRule("EDITOR"),
  "lib/actions/assignment-actions.ts#addToAnswerKeyAction": apiRule("EDITOR"),
  "lib/actions/assignment-actions.ts#removeFromAnswerKeyAction": apiRule("EDITOR"),
  "lib/actions/assignment-actions.ts#copyToAnswerKeyAction": apiRule("EDITOR"),
  "lib/actions/assignment-actions.ts#addOwnHighlightsToKeyAction": apiRule("EDITOR"),
};
