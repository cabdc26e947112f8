"use client";

import dynamic from "next/dynamic";
import { LibrarySkeleton } from "./library-states";

// Its code loads after the upload area's. Not rendered on the server: its data comes from the
// browser anyway, and a server-rendered search box would take typing that hydration then drops.
export const LazyVideoLibrary = dynamic(
  () => import("./video-library").then((m) => m.VideoLibrary),
  { ssr: false, loading: () => <LibrarySkeleton /> },
);
