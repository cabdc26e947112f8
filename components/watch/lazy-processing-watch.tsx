"use client";

import dynamic from "next/dynamic";

// Most views are of ready videos: the poller and SWR are fetched only for a video still processing.
// The split has to happen in a client module; next/dynamic in a server component does not split.
export const LazyProcessingWatch = dynamic(() =>
  import("@/components/watch/processing-watch").then((module) => module.ProcessingWatch),
);
