"use client";

import { useState } from "react";

export function CopyLinkButton({
  path,
  className,
  ariaLabel,
}: {
  path: string;
  className?: string;
  ariaLabel?: string;
}) {
  const [copied, setCopied] = useState(false);

  async function copy() {
    const url = new URL(path, window.location.origin).toString();
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2_000);
    } catch {
      // Clipboard access can be denied (permissions, insecure origin); the link is still offered.
      window.prompt("Copy this share link:", url);
    }
  }

  return (
    <>
      <button type="button" onClick={copy} className={className} aria-label={ariaLabel}>
        {copied ? "Copied" : "Copy link"}
      </button>
      <span role="status" className="sr-only">
        {copied ? "Share link copied" : ""}
      </span>
    </>
  );
}
