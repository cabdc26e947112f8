"use client";

import dynamic from "next/dynamic";
import { LibrarySkeleton } from "./library-states";

// Rendered on the server as usual; its code loads after the upload area's, which comes first.
export const LazyVideoLibrary = dynamic(
  () => import("./video-library").then((m) => m.VideoLibrary),
  { loading: () => <LibrarySkeleton /> },
);
