// Lets code outside the studio's upload area (the header's sign-out) see uploads in flight and wind
// them down first: once the session is gone, their abandoned videos could no longer be deleted.

type Registry = { count: () => number; cancelAll: () => Promise<void> };

let registry: Registry | null = null;

export function registerUploads(next: Registry): () => void {
  registry = next;
  return () => {
    if (registry === next) registry = null;
  };
}

export function activeUploadCount(): number {
  return registry?.count() ?? 0;
}

/** Aborts every upload and resolves once each has cleaned up after itself. */
export function cancelAllUploads(): Promise<void> {
  return registry?.cancelAll() ?? Promise.resolve();
}
