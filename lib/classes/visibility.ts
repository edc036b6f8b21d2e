// Who sees whose highlights in a class (issue 5). Pure: no Prisma, no React. The server
// loads a document's class context once (members, the assignments that contain the
// document, their hand-ins and answer keys) and asks these functions per viewer; the page,
// the JSON API and the live stream all go through them, so the rules cannot drift apart.
//
// The rules, for a viewer V reading document D (docs/classes.md explains them):
// 1. Owners and editors (instructors) see every highlight, with names.
// 2. Everyone sees their own highlights.
// 3. Blind: if D belongs to ANY assignment in BLIND mode that V has not handed in (or that
//    was reopened after V handed it in), V sees only their own highlights on D. When D is
//    in several assignments the strictest one wins, because showing classmates' work would
//    break the promise of the blind one.
// 4. Answer keys: while any assignment containing D has not released its key (released =
//    revealed, or its due date has passed), highlights by instructors on D are hidden from
//    students: they are the material the key is made of.
// 5. Names: if any BLIND or REVEALED assignment containing D was not revealed with names,
//    classmates appear as "Student N" (numbered per document, from a hash of the workspace's
//    salt, the document and the user, so numbers do not link people across documents).
//    Otherwise classmates appear under their display name (or account name); emails never.

export type ClassRole = "OWNER" | "EDITOR" | "ANNOTATOR" | "VIEWER";
export type ClassAssignmentMode = "OPEN" | "BLIND" | "REVEALED";

export type ClassMember = {
  userId: string;
  role: ClassRole;
  name: string;
  displayName: string | null;
};

export type ClassSubmission = { userId: string; submittedAt: Date; reopenedAt: Date | null };

export type ClassAssignment = {
  id: string;
  title: string;
  mode: ClassAssignmentMode;
  revealNames: boolean;
  revealedAt: Date | null;
  dueAt: Date | null;
  submissions: ClassSubmission[];
};

export type DocumentClassContext = {
  documentId: string;
  workspaceId: string;
  members: ReadonlyMap<string, ClassMember>;
  assignments: readonly ClassAssignment[];
  // Pseudonyms for students, computed once per context (see numberStudents).
  pseudonyms: ReadonlyMap<string, string>;
};

export type ViewerPolicy = {
  userId: string;
  isMember: boolean;
  isInstructor: boolean;
  // Blind: only the viewer's own highlights.
  onlyOwn: boolean;
  // Answer-key material: instructors' highlights stay hidden.
  hideInstructors: boolean;
  anonymise: boolean;
  // The blind assignments that keep classmates hidden, for messages.
  blindTitles: string[];
  // When a due date passes and the policy must be worked out again (null: never).
  expiresAt: Date | null;
  context: DocumentClassContext;
};

export type AuthorView = { id: string; name: string };

export function isInstructorRole(role: ClassRole | undefined): boolean {
  return role === "OWNER" || role === "EDITOR";
}

// Handed in and not reopened since.
export function isSubmitted(submission: ClassSubmission | undefined): boolean {
  if (!submission) {
    return false;
  }
  return !submission.reopenedAt || submission.reopenedAt < submission.submittedAt;
}

export function findSubmission(
  assignment: ClassAssignment,
  userId: string,
): ClassSubmission | undefined {
  return assignment.submissions.find((submission) => submission.userId === userId);
}

// Students may compare with the key after the due date or once the instructor reveals.
export function isKeyReleased(assignment: ClassAssignment, now: Date): boolean {
  return assignment.mode === "REVEALED" || (assignment.dueAt !== null && assignment.dueAt <= now);
}

export function memberName(member: ClassMember | undefined, fallback: string): string {
  return member?.displayName?.trim() || member?.name || fallback;
}

export function decideViewerPolicy(
  context: DocumentClassContext,
  userId: string,
  now: Date,
): ViewerPolicy {
  const member = context.members.get(userId);
  const isInstructor = isInstructorRole(member?.role);

  if (isInstructor) {
    return {
      userId,
      isMember: true,
      isInstructor: true,
      onlyOwn: false,
      hideInstructors: false,
      anonymise: false,
      blindTitles: [],
      expiresAt: null,
      context,
    };
  }

  const blind = context.assignments.filter(
    (assignment) => assignment.mode === "BLIND" && !isSubmitted(findSubmission(assignment, userId)),
  );
  const unreleased = context.assignments.filter((assignment) => !isKeyReleased(assignment, now));
  const anonymise = context.assignments.some(
    (assignment) => assignment.mode !== "OPEN" && !assignment.revealNames,
  );
  const nextDue = unreleased
    .map((assignment) => assignment.dueAt)
    .filter((dueAt): dueAt is Date => dueAt !== null && dueAt > now)
    .sort((a, b) => a.getTime() - b.getTime())[0];

  return {
    userId,
    isMember: member !== undefined,
    isInstructor: false,
    onlyOwn: blind.length > 0,
    hideInstructors: unreleased.length > 0,
    anonymise,
    blindTitles: blind.map((assignment) => assignment.title),
    expiresAt: nextDue ?? null,
    context,
  };
}

// Whether the viewer may see a highlight (or anything attached to it: its thread, its
// reactions) written by `authorId`.
export function canSeeAuthor(policy: ViewerPolicy, authorId: string): boolean {
  if (!policy.isMember) {
    return false;
  }
  if (policy.isInstructor || authorId === policy.userId) {
    return true;
  }
  if (policy.onlyOwn) {
    return false;
  }
  const authorRole = policy.context.members.get(authorId)?.role;
  if (policy.hideInstructors && isInstructorRole(authorRole)) {
    return false;
  }
  return true;
}

// How an author (of a highlight or a reply) is shown to this viewer.
export function describeAuthor(policy: ViewerPolicy, author: AuthorView): AuthorView {
  const member = policy.context.members.get(author.id);

  if (author.id === policy.userId || policy.isInstructor) {
    return { id: author.id, name: memberName(member, author.name) };
  }

  if (isInstructorRole(member?.role)) {
    return { id: author.id, name: memberName(member, author.name) };
  }

  if (policy.anonymise) {
    const pseudonym = policy.context.pseudonyms.get(author.id) ?? "Former member";
    // The id is replaced too: a real id could be matched against the member list.
    return { id: `anonymous-${pseudonym.toLowerCase().replace(/\W+/g, "-")}`, name: pseudonym };
  }

  return { id: author.id, name: member ? memberName(member, author.name) : "Former member" };
}

// The stable order used for "Student N": ascending by a hash the caller computes from the
// workspace salt, the document and the user (see numberStudents in the server loader).
export function numberStudents(
  members: Iterable<ClassMember>,
  hashOf: (userId: string) => string,
): Map<string, string> {
  const students = [...members]
    .filter((member) => !isInstructorRole(member.role))
    .map((member) => ({ userId: member.userId, key: hashOf(member.userId) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  return new Map(students.map((student, index) => [student.userId, `Student ${index + 1}`]));
}

// Edits stop once a student hands in an assignment containing the document, until the
// instructor reopens it. Returns the assignment that locks the document, if any.
export function findEditLock(
  assignments: readonly ClassAssignment[],
  userId: string,
): { assignment: ClassAssignment; submittedAt: Date } | null {
  for (const assignment of assignments) {
    const submission = findSubmission(assignment, userId);
    if (submission && isSubmitted(submission)) {
      return { assignment, submittedAt: submission.submittedAt };
    }
  }
  return null;
}
