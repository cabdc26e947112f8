import { LazyVideoLibrary } from "@/components/library/lazy-video-library";
import { UploadPanel } from "@/components/upload/upload-panel";

export default function StudioPage() {
  return (
    <div className="space-y-8">
      <section className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Studio</h1>
        <p className="max-w-prose text-zinc-600 dark:text-zinc-400">
          Drop videos to upload them straight to VdoCipher. Each one is processed, then ready to
          share.
        </p>
      </section>
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
        <section aria-labelledby="upload-heading" className="space-y-4">
          <h2 id="upload-heading" className="text-lg font-semibold">
            Upload
          </h2>
          <UploadPanel />
        </section>
        <section aria-labelledby="library-heading" className="space-y-4">
          <h2 id="library-heading" className="text-lg font-semibold">
            Your videos
          </h2>
          <LazyVideoLibrary />
        </section>
      </div>
    </div>
  );
}
