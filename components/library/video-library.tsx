"use client";

import { Suspense, useRef, useState } from "react";
import { DeleteVideosDialog } from "@/components/library/delete-videos-dialog";
import { LibraryMessage, LibrarySkeleton } from "@/components/library/library-states";
import { Pagination } from "@/components/library/pagination";
import { SearchBox } from "@/components/library/search-box";
import { libraryHref, useLibraryQuery } from "@/components/library/use-library-query";
import { VideoRow } from "@/components/library/video-row";
import { refreshVideoLists, useVideos } from "@/lib/hooks/use-videos";
import type { Video } from "@/lib/schemas";

const PAGE_SIZE = 10;

// useSearchParams needs a Suspense boundary so the studio page itself can still be prerendered.
export function VideoLibrary() {
  return (
    <Suspense fallback={<LibrarySkeleton />}>
      <Library />
    </Suspense>
  );
}

function Library() {
  const { q, page, navigate } = useLibraryQuery();
  const { data, error, isLoading, mutate } = useVideos({ page, limit: PAGE_SIZE, q });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [toDelete, setToDelete] = useState<Video[] | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const searchRef = useRef<HTMLInputElement>(null);

  const videos = data?.videos ?? [];
  const chosen = videos.filter((video) => selected.has(video.id));
  const pageCount = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const allChosen = videos.length > 0 && chosen.length === videos.length;

  function select(ids: string[], on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }

  async function afterDelete(deleted: string[], remaining: Video[]) {
    select(deleted, false);
    setToDelete(remaining.length ? remaining : null);
    if (deleted.length === 0) return;
    setAnnouncement(deleted.length === 1 ? "Video deleted." : `${deleted.length} videos deleted.`);
    const emptied = deleted.length >= videos.length && page > 1;
    if (emptied) navigate({ q, page: page - 1 }, "replace");
    await refreshVideoLists();
    // Only once the dialog has closed and the deleted rows are gone: the dialog hands focus back to
    // the row's Delete button, and focus would then fall to the page body.
    if (!remaining.length) requestAnimationFrame(() => searchRef.current?.focus());
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <SearchBox
          value={q}
          inputRef={searchRef}
          onSearch={(next) => navigate({ q: next, page: 1 }, "replace")}
        />
        {videos.length > 0 && (
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4 accent-brand-600"
              checked={allChosen}
              onChange={(event) =>
                select(
                  videos.map((video) => video.id),
                  event.target.checked,
                )
              }
            />
            Select all on this page
          </label>
        )}
        {chosen.length > 0 && (
          <button type="button" className="btn-danger" onClick={() => setToDelete(chosen)}>
            Delete selected ({chosen.length})
          </button>
        )}
      </div>

      <p role="status" className="sr-only">
        {announcement}
      </p>

      {error && data && (
        <div
          role="alert"
          className="flex items-center justify-between gap-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-300"
        >
          <span>Could not refresh the list. {error.message}</span>
          <button type="button" className="btn-secondary" onClick={() => mutate()}>
            Retry
          </button>
        </div>
      )}

      {!data && error ? (
        <LibraryMessage
          tone="error"
          title="Could not load your videos."
          action={
            <button type="button" className="btn-secondary" onClick={() => mutate()}>
              Retry
            </button>
          }
        >
          {error.message}
        </LibraryMessage>
      ) : !data ? (
        <LibrarySkeleton />
      ) : videos.length === 0 ? (
        <EmptyLibrary q={q} page={page} onReset={() => navigate({ q: "", page: 1 }, "push")} />
      ) : (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {data.total === 1 ? "1 video" : `${data.total} videos`}
            {q && ` matching “${q}”`}
          </p>
          <ul
            aria-label="Videos"
            aria-busy={isLoading}
            className={`divide-y divide-zinc-200 transition-opacity dark:divide-zinc-800 ${isLoading ? "opacity-60" : ""}`}
          >
            {videos.map((video) => (
              <VideoRow
                key={video.id}
                video={video}
                selected={selected.has(video.id)}
                onSelect={(on) => select([video.id], on)}
                onRenamed={(renamed) => {
                  void mutate(
                    (current) =>
                      current && {
                        ...current,
                        videos: current.videos.map((v) => (v.id === renamed.id ? renamed : v)),
                      },
                    { revalidate: false },
                  );
                  void refreshVideoLists();
                }}
                onDelete={() => setToDelete([video])}
              />
            ))}
          </ul>
          <Pagination
            page={page}
            pageCount={pageCount}
            hrefFor={(target) => libraryHref({ q, page: target })}
            onPage={(target) => navigate({ q, page: target }, "push")}
          />
        </>
      )}

      <DeleteVideosDialog
        videos={toDelete}
        onCancel={() => setToDelete(null)}
        onDeleted={afterDelete}
      />
    </div>
  );
}

function EmptyLibrary({ q, page, onReset }: { q: string; page: number; onReset: () => void }) {
  if (q || page > 1) {
    return (
      <LibraryMessage
        title={q ? `No videos match “${q}”.` : "This page is empty."}
        action={
          <button type="button" className="btn-secondary" onClick={onReset}>
            {q ? "Clear search" : "Back to the first page"}
          </button>
        }
      />
    );
  }
  return (
    <LibraryMessage title="No videos yet.">
      Upload a video and it will appear here while it processes, then be ready to share.
    </LibraryMessage>
  );
}
