"use client";

import { useRef, useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { requestJson } from "@/lib/client/request-json";
import type { CommentView } from "@/lib/server/discussion/comment-view";
import type { Mentionable, ThreadSummary } from "@/lib/server/discussion/list-threads";
import { discussionLimits } from "@/lib/validations/discussion";

type ThreadViewProps = {
  thread: ThreadSummary;
  comments: CommentView[] | null;
  labelNames: Record<string, string>;
  currentUserId: string;
  mentionable: Mentionable[];
  isInstructor: boolean;
  canReply: boolean;
  onPosted: (comment: CommentView) => void;
  onUpdated: (comment: CommentView) => void;
  onReaction: (reaction: {
    agree: number;
    disagree: number;
    mine: "AGREE" | "DISAGREE" | null;
  }) => void;
};

// The body with each mention of a person shown in bold.
function CommentBody({ comment }: { comment: CommentView }) {
  if (comment.mentionNames.length === 0) {
    return <p className="whitespace-pre-wrap">{comment.body}</p>;
  }
  const escaped = comment.mentionNames
    .map((name) => `@${name}`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .sort((a, b) => b.length - a.length);
  const parts = comment.body.split(new RegExp(`(${escaped.join("|")})`, "g"));
  return (
    <p className="whitespace-pre-wrap">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <strong key={index} className="font-semibold text-sky-900">
            {part}
          </strong>
        ) : (
          part
        ),
      )}
    </p>
  );
}

function formatTime(iso: string) {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function ThreadView({
  thread,
  comments,
  labelNames,
  currentUserId,
  mentionable,
  isInstructor,
  canReply,
  onPosted,
  onUpdated,
  onReaction,
}: ThreadViewProps) {
  const [body, setBody] = useState("");
  const [parent, setParent] = useState<CommentView | null>(null);
  const [mentions, setMentions] = useState<Mentionable[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [isPosting, setIsPosting] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const isOwnHighlight = thread.author.id === currentUserId;

  function addMention(id: string) {
    const person = mentionable.find((item) => item.id === id);
    const field = textRef.current;
    if (!person || !field) {
      return;
    }
    const at = field.selectionStart ?? body.length;
    const insert = `@${person.name} `;
    const next = `${body.slice(0, at)}${at > 0 && !/\s$/.test(body.slice(0, at)) ? " " : ""}${insert}${body.slice(at)}`;
    setBody(next);
    setMentions((current) =>
      current.some((item) => item.id === id) ? current : [...current, person],
    );
    requestAnimationFrame(() => field.focus());
  }

  async function post(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsPosting(true);
    setError(null);
    const result = await requestJson<{ comment: CommentView }>(
      `/api/v1/annotations/${thread.annotationId}/comments`,
      "POST",
      {
        body,
        ...(parent ? { parentId: parent.id } : {}),
        // Only people whose @name is still in the text count as mentioned.
        mentions: mentions
          .filter((person) => body.includes(`@${person.name}`))
          .map((person) => person.id),
      },
    );
    setIsPosting(false);
    if (!result.ok) {
      setError(`Not posted: ${result.message}`);
      return;
    }
    onPosted(result.data.comment);
    setBody("");
    setParent(null);
    setMentions([]);
    setStatus("Reply posted.");
  }

  async function moderate(
    comment: CommentView,
    change: { isPinned?: boolean; isHidden?: boolean },
  ) {
    const result = await requestJson<{ comment: CommentView }>(
      `/api/v1/comments/${comment.id}`,
      "PATCH",
      change,
    );
    if (!result.ok) {
      setStatus(`Not changed: ${result.message}`);
      return;
    }
    onUpdated(result.data.comment);
    setStatus(
      change.isPinned !== undefined
        ? change.isPinned
          ? "Reply pinned."
          : "Reply unpinned."
        : change.isHidden
          ? "Reply hidden from students."
          : "Reply shown again.",
    );
  }

  async function react(kind: "AGREE" | "DISAGREE") {
    const next = thread.mine === kind ? null : kind;
    const result = await requestJson<{
      reaction: { agree: number; disagree: number; mine: "AGREE" | "DISAGREE" | null };
    }>(`/api/v1/annotations/${thread.annotationId}/reaction`, "POST", { kind: next });
    if (!result.ok) {
      setStatus(`Not saved: ${result.message}`);
      return;
    }
    onReaction(result.data.reaction);
    setStatus(
      next === null ? "Reaction taken back." : next === "AGREE" ? "You agree." : "You disagree.",
    );
  }

  const all = comments ?? [];
  const byParent = new Map<string | null, CommentView[]>();
  for (const comment of all) {
    const key =
      comment.parentId && all.some((item) => item.id === comment.parentId)
        ? comment.parentId
        : null;
    byParent.set(key, [...(byParent.get(key) ?? []), comment]);
  }
  const roots = [...(byParent.get(null) ?? [])].sort(
    (a, b) => Number(b.isPinned) - Number(a.isPinned) || a.createdAt.localeCompare(b.createdAt),
  );

  function renderComment(comment: CommentView, depth: number) {
    const replies = byParent.get(comment.id) ?? [];
    return (
      <li key={comment.id} className="flex flex-col gap-2" data-testid="thread-comment">
        <article
          aria-label={`Reply by ${comment.author.name}`}
          className={`flex flex-col gap-1 rounded-md border p-2 text-sm ${comment.isPinned ? "border-amber-600 bg-amber-50" : "border-stone-300 bg-white"}`}
        >
          <p className="text-xs text-stone-600">
            <span className="font-semibold text-stone-800">
              {comment.author.id === currentUserId ? "You" : comment.author.name}
            </span>{" "}
            · {formatTime(comment.createdAt)}
            {comment.isPinned ? " · Pinned by an instructor" : ""}
            {comment.isHidden ? " · Hidden from students" : ""}
          </p>
          {comment.isHidden && !isInstructor ? (
            <p className="text-stone-600 italic">This reply was hidden by an instructor.</p>
          ) : (
            <CommentBody comment={comment} />
          )}
          <div className="flex flex-wrap gap-2">
            {canReply ? (
              <Button
                variant="ghost"
                onClick={() => {
                  setParent(comment);
                  requestAnimationFrame(() => textRef.current?.focus());
                }}
                aria-label={`Reply to ${comment.author.name}`}
              >
                Reply
              </Button>
            ) : null}
            {isInstructor ? (
              <>
                <Button
                  variant="ghost"
                  onClick={() => void moderate(comment, { isPinned: !comment.isPinned })}
                >
                  {comment.isPinned ? "Unpin" : "Pin"}
                </Button>
                <Button
                  variant="ghost"
                  onClick={() => void moderate(comment, { isHidden: !comment.isHidden })}
                >
                  {comment.isHidden ? "Show to students" : "Hide"}
                </Button>
              </>
            ) : null}
          </div>
        </article>
        {replies.length > 0 ? (
          <ol
            className={`flex flex-col gap-2 ${depth < 4 ? "ml-4 border-l-2 border-stone-200 pl-3" : ""}`}
          >
            {replies
              .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
              .map((reply) => renderComment(reply, depth + 1))}
          </ol>
        ) : null}
      </li>
    );
  }

  return (
    <section
      aria-labelledby="thread-heading"
      className="flex flex-col gap-3"
      data-testid="thread-view"
    >
      <div className="flex flex-col gap-1">
        <h3 id="thread-heading" className="font-serif text-base">
          “{thread.exact}”
        </h3>
        <p className="text-xs text-stone-600">
          Highlighted by {isOwnHighlight ? "you" : thread.author.name}
          {thread.labelIds.length > 0
            ? ` · ${thread.labelIds.map((id) => labelNames[id] ?? "Unknown label").join(", ")}`
            : ""}
        </p>
      </div>
      <div role="group" className="flex flex-wrap items-center gap-2" aria-label="Reactions">
        <Button
          variant="secondary"
          aria-pressed={thread.mine === "AGREE"}
          disabled={isOwnHighlight || !canReply}
          onClick={() => void react("AGREE")}
          className={thread.mine === "AGREE" ? "border-emerald-700 bg-emerald-50" : ""}
        >
          Agree ({thread.agree})
        </Button>
        <Button
          variant="secondary"
          aria-pressed={thread.mine === "DISAGREE"}
          disabled={isOwnHighlight || !canReply}
          onClick={() => void react("DISAGREE")}
          className={thread.mine === "DISAGREE" ? "border-red-700 bg-red-50" : ""}
        >
          Disagree ({thread.disagree})
        </Button>
        {isOwnHighlight ? (
          <span className="text-xs text-stone-600">
            Classmates react to your highlights; you cannot.
          </span>
        ) : null}
      </div>
      <p
        role="status"
        aria-live="polite"
        className="min-h-5 text-sm text-stone-700"
        data-testid="thread-status"
      >
        {status}
      </p>
      {comments === null ? (
        <p className="text-sm text-stone-600">Loading the discussion…</p>
      ) : roots.length === 0 ? (
        <p className="text-sm text-stone-700">No replies yet.</p>
      ) : (
        <ol className="flex flex-col gap-2" aria-label="Replies">
          {roots.map((comment) => renderComment(comment, 0))}
        </ol>
      )}
      {canReply ? (
        <form onSubmit={(event) => void post(event)} className="flex flex-col gap-2" noValidate>
          {parent ? (
            <p className="flex items-center gap-2 text-xs text-stone-700">
              Replying to {parent.author.id === currentUserId ? "yourself" : parent.author.name}
              <button
                type="button"
                className="text-sky-800 underline"
                onClick={() => setParent(null)}
              >
                Cancel
              </button>
            </p>
          ) : null}
          <label htmlFor="thread-reply" className="text-sm font-medium">
            Your reply
          </label>
          <textarea
            id="thread-reply"
            ref={textRef}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            rows={3}
            maxLength={discussionLimits.bodyMax}
            aria-describedby="thread-reply-error"
            aria-invalid={error ? true : undefined}
            className="rounded-md border border-stone-400 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-700"
          />
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor="thread-mention" className="sr-only">
              Mention someone
            </label>
            <select
              id="thread-mention"
              value=""
              onChange={(event) => addMention(event.target.value)}
              className="rounded-md border border-stone-400 bg-white px-2 py-1.5 text-sm"
            >
              <option value="">Mention someone…</option>
              {mentionable.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                  {person.isInstructor ? " (instructor)" : ""}
                </option>
              ))}
            </select>
            <Button type="submit" disabled={isPosting}>
              {isPosting ? "Posting…" : "Post reply"}
            </Button>
          </div>
          <div id="thread-reply-error">
            <FormMessage message={error} />
          </div>
        </form>
      ) : (
        <p className="text-sm text-stone-600">Viewers can read the discussion but not reply.</p>
      )}
    </section>
  );
}
