"use client";

import { useCallback, useEffect, useRef, useState } from "react";

import { useLiveMessages } from "@/components/live/use-live-events";
import { requestJson } from "@/lib/client/request-json";
import type { AnnotationView } from "@/lib/server/annotation/annotation-view";
import type { CommentView } from "@/lib/server/discussion/comment-view";
import type { Mentionable, ThreadSummary } from "@/lib/server/discussion/list-threads";

import { ThreadView } from "./thread-view";

type ThreadsPanelProps = {
  documentId: string;
  currentUserId: string;
  labelNames: Record<string, string>;
};

type ThreadsData = {
  threads: ThreadSummary[];
  mentionable: Mentionable[];
  isInstructor: boolean;
  canReply: boolean;
};

type Filter = "all" | "discussed" | "unread";

function summaryOf(annotation: AnnotationView, previous?: ThreadSummary): ThreadSummary {
  return {
    annotationId: annotation.id,
    start: annotation.start,
    exact: annotation.exact.length > 200 ? `${annotation.exact.slice(0, 200)}…` : annotation.exact,
    author: annotation.author,
    labelIds: annotation.labelIds,
    comments: previous?.comments ?? 0,
    unread: previous?.unread ?? 0,
    agree: previous?.agree ?? 0,
    disagree: previous?.disagree ?? 0,
    mine: previous?.mine ?? null,
    lastActivityAt: previous?.lastActivityAt ?? null,
  };
}

// The discussion beside the reader: a thread per highlight the person may see (the
// server applies the class rules), unread markers, and the open thread. Follows the live
// stream, and opens the thread of a highlight clicked in the text.
export function ThreadsPanel({ documentId, currentUserId, labelNames }: ThreadsPanelProps) {
  const [data, setData] = useState<ThreadsData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selectedId, setSelectedIdState] = useState<string | null>(null);
  const [comments, setComments] = useState<CommentView[] | null>(null);
  const [filter, setFilter] = useState<Filter>("all");
  const [notice, setNotice] = useState("");
  // The open thread, for stream and fetch callbacks that outlive a render.
  const selectedRef = useRef<string | null>(null);
  // Replies already counted (loaded, posted here, or received), so an echo of one's own
  // reply from the stream neither doubles it nor marks it unread.
  const seen = useRef(new Set<string>());

  const setSelectedId = useCallback((annotationId: string | null) => {
    selectedRef.current = annotationId;
    setSelectedIdState(annotationId);
  }, []);

  const loadThreads = useCallback(async () => {
    const result = await requestJson<ThreadsData>(`/api/v1/documents/${documentId}/threads`, "GET");
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setError(null);
    setData(result.data);
  }, [documentId]);

  const markRead = useCallback(async (annotationId: string) => {
    await requestJson<null>(`/api/v1/annotations/${annotationId}/read`, "POST");
    setData((current) =>
      current
        ? {
            ...current,
            threads: current.threads.map((thread) =>
              thread.annotationId === annotationId ? { ...thread, unread: 0 } : thread,
            ),
          }
        : current,
    );
  }, []);

  const loadComments = useCallback(
    async (annotationId: string) => {
      const result = await requestJson<{ comments: CommentView[] }>(
        `/api/v1/annotations/${annotationId}/comments`,
        "GET",
      );
      if (selectedRef.current !== annotationId) {
        return;
      }
      if (!result.ok) {
        setNotice(result.message);
        setSelectedId(null);
        return;
      }
      for (const comment of result.data.comments) {
        seen.current.add(comment.id);
      }
      setComments(result.data.comments);
      void markRead(annotationId);
    },
    [markRead, setSelectedId],
  );

  const open = useCallback(
    (annotationId: string) => {
      setSelectedId(annotationId);
      setComments(null);
      setNotice("");
      void loadComments(annotationId);
    },
    [loadComments, setSelectedId],
  );

  useEffect(() => {
    let isCancelled = false;
    void requestJson<ThreadsData>(`/api/v1/documents/${documentId}/threads`, "GET").then(
      (result) => {
        if (isCancelled) {
          return;
        }
        if (!result.ok) {
          setError(result.message);
          return;
        }
        setData(result.data);
        // A notification link names the thread to open (?thread=<highlight id>).
        const wanted = new URLSearchParams(window.location.search).get("thread");
        if (wanted) {
          open(wanted);
        }
      },
    );
    return () => {
      isCancelled = true;
    };
  }, [documentId, open]);

  // Clicking a highlight in the text opens its thread here too.
  useEffect(() => {
    function onClick(event: MouseEvent) {
      const mark = (event.target as HTMLElement | null)?.closest?.(
        '[data-testid="reader-text"] mark[data-ids]',
      );
      if (!mark || !data) {
        return;
      }
      const ids = (mark.getAttribute("data-ids") ?? "").split(" ");
      const known = ids.find((id) => data.threads.some((thread) => thread.annotationId === id));
      if (known && known !== selectedRef.current) {
        open(known);
      }
    }
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [data, open]);

  const updateThread = (annotationId: string, change: (thread: ThreadSummary) => ThreadSummary) =>
    setData((current) =>
      current
        ? {
            ...current,
            threads: current.threads.map((thread) =>
              thread.annotationId === annotationId ? change(thread) : thread,
            ),
          }
        : current,
    );

  function addComment(comment: CommentView, annotationId: string) {
    const isOpen = selectedRef.current === annotationId;
    if (isOpen) {
      setComments((current) =>
        current && !current.some((item) => item.id === comment.id)
          ? [...current, comment]
          : current,
      );
    }
    if (seen.current.has(comment.id)) {
      return;
    }
    seen.current.add(comment.id);
    updateThread(annotationId, (thread) => ({
      ...thread,
      comments: thread.comments + 1,
      unread: !isOpen && comment.author.id !== currentUserId ? thread.unread + 1 : thread.unread,
      lastActivityAt: comment.createdAt,
    }));
  }

  useLiveMessages(documentId, (message) => {
    switch (message.kind) {
      case "annotation.created":
      case "annotation.updated":
        setData((current) => {
          if (!current) {
            return current;
          }
          const previous = current.threads.find(
            (thread) => thread.annotationId === message.annotation.id,
          );
          const next = summaryOf(message.annotation, previous);
          const threads = previous
            ? current.threads.map((thread) =>
                thread.annotationId === next.annotationId ? next : thread,
              )
            : [...current.threads, next].sort((a, b) => a.start - b.start);
          return { ...current, threads };
        });
        return;
      case "annotation.deleted":
        setData((current) =>
          current
            ? {
                ...current,
                threads: current.threads.filter(
                  (thread) => thread.annotationId !== message.annotationId,
                ),
              }
            : current,
        );
        if (selectedRef.current === message.annotationId) {
          setSelectedId(null);
          setNotice("The highlight of the open discussion was deleted.");
        }
        return;
      case "comment.created":
        addComment(message.comment, message.annotationId);
        if (selectedRef.current === message.annotationId) {
          void markRead(message.annotationId);
        }
        return;
      case "comment.updated":
        if (selectedRef.current === message.annotationId) {
          setComments(
            (current) =>
              current?.map((item) => (item.id === message.comment.id ? message.comment : item)) ??
              current,
          );
        }
        return;
      case "reaction.changed":
        updateThread(message.annotationId, (thread) => ({
          ...thread,
          agree: message.agree,
          disagree: message.disagree,
          ...(message.mine === undefined ? {} : { mine: message.mine }),
        }));
        return;
      case "refresh":
        void loadThreads();
        if (selectedRef.current) {
          void loadComments(selectedRef.current);
        }
        return;
      default:
        return;
    }
  });

  const threads = data?.threads ?? [];
  const shown = threads.filter((thread) =>
    filter === "discussed" ? thread.comments > 0 : filter === "unread" ? thread.unread > 0 : true,
  );
  const selected = threads.find((thread) => thread.annotationId === selectedId) ?? null;
  const unreadTotal = threads.reduce((sum, thread) => sum + thread.unread, 0);

  return (
    <section
      aria-labelledby="discussion-heading"
      className="flex flex-col gap-3 rounded-lg border border-stone-300 bg-stone-50 p-4"
      data-testid="threads-panel"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="discussion-heading" className="text-lg font-semibold">
          Discussion{" "}
          {unreadTotal > 0 ? (
            <span className="rounded-full bg-sky-800 px-2 py-0.5 text-xs font-medium text-white">
              {unreadTotal} unread
            </span>
          ) : null}
        </h2>
        <label className="flex items-center gap-2 text-sm">
          Show
          <select
            value={filter}
            onChange={(event) => setFilter(event.target.value as Filter)}
            className="rounded-md border border-stone-400 bg-white px-2 py-1"
          >
            <option value="all">every highlight</option>
            <option value="discussed">highlights with replies</option>
            <option value="unread">unread replies</option>
          </select>
        </label>
      </div>
      {error ? (
        <p className="text-sm text-red-800">The discussion could not be loaded: {error}</p>
      ) : null}
      {notice ? (
        <p role="status" className="text-sm text-stone-700">
          {notice}
        </p>
      ) : null}
      <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="flex flex-col gap-2">
          {data === null ? (
            <p className="text-sm text-stone-600">Loading…</p>
          ) : shown.length === 0 ? (
            <p className="text-sm text-stone-700">
              {threads.length === 0
                ? "No highlights you can see yet. Discussions start on highlights."
                : "Nothing to show with this filter."}
            </p>
          ) : (
            <ol
              className="flex max-h-96 flex-col gap-1 overflow-y-auto"
              aria-label="Highlights to discuss"
            >
              {shown.map((thread) => (
                <li key={thread.annotationId}>
                  <button
                    type="button"
                    onClick={() => open(thread.annotationId)}
                    aria-current={thread.annotationId === selectedId ? "true" : undefined}
                    data-testid="thread-item"
                    className={`flex w-full flex-col gap-0.5 rounded-md border px-2 py-1.5 text-left text-sm ${thread.annotationId === selectedId ? "border-sky-800 bg-white ring-2 ring-sky-800" : "border-stone-300 bg-white hover:border-sky-800"}`}
                  >
                    <span className="font-serif">
                      “{thread.exact.length > 80 ? `${thread.exact.slice(0, 80)}…` : thread.exact}”
                    </span>
                    <span className="text-xs text-stone-600">
                      {thread.author.id === currentUserId ? "You" : thread.author.name} ·{" "}
                      {thread.comments} {thread.comments === 1 ? "reply" : "replies"} ·{" "}
                      {thread.agree} agree · {thread.disagree} disagree
                      {thread.unread > 0 ? (
                        <span
                          className="ml-1 rounded-full bg-sky-800 px-1.5 text-white"
                          data-testid="unread-badge"
                        >
                          {thread.unread} new
                        </span>
                      ) : null}
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          )}
        </div>
        <div>
          {selected && data ? (
            <ThreadView
              key={selected.annotationId}
              thread={selected}
              comments={comments}
              labelNames={labelNames}
              currentUserId={currentUserId}
              mentionable={data.mentionable}
              isInstructor={data.isInstructor}
              canReply={data.canReply}
              onPosted={(comment) => addComment(comment, selected.annotationId)}
              onUpdated={(comment) =>
                setComments(
                  (current) =>
                    current?.map((item) => (item.id === comment.id ? comment : item)) ?? current,
                )
              }
              onReaction={(reaction) =>
                updateThread(selected.annotationId, (thread) => ({ ...thread, ...reaction }))
              }
            />
          ) : (
            <p className="text-sm text-stone-700">
              Choose a highlight (here, or by clicking it in the text) to read and join its
              discussion.
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
