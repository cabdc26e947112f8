export function FailedMessage() {
  return (
    <div
      role="alert"
      className="flex aspect-video w-full flex-col items-center justify-center gap-2 rounded-xl border border-red-200 bg-red-50 px-6 text-center dark:border-red-900/60 dark:bg-red-950/30"
    >
      <p className="font-medium text-red-800 dark:text-red-300">
        This video could not be processed.
      </p>
      <p className="max-w-prose text-sm text-red-700/80 dark:text-red-300/80">
        The uploaded file may be damaged or not a video. Ask whoever shared it to upload it again.
      </p>
    </div>
  );
}
