// Default titles, the same in the studio, the command line and URL imports: the file's name
// without its extension, at most 250 characters (our title limit).

// At most `limit` UTF-16 units, as the title schema counts, without splitting a surrogate pair.
function cut(text: string, limit: number): string {
  let result = "";
  for (const char of text) {
    if (result.length + char.length > limit) break;
    result += char;
  }
  return result;
}

export function titleFromFilename(name: string): string {
  const dot = name.lastIndexOf(".");
  const base = (dot > 0 ? name.slice(0, dot) : name).trim();
  return cut(base || name, 250);
}

/** The last path segment of an address, decoded, as a title; null when there is none. */
export function titleFromUrl(url: string): string | null {
  try {
    const segment = new URL(url).pathname.split("/").filter(Boolean).pop();
    if (!segment) return null;
    let name = segment;
    try {
      name = decodeURIComponent(segment);
    } catch {
      // A malformed escape: keep the raw segment, it is still a fair title.
    }
    return titleFromFilename(name) || null;
  } catch {
    return null;
  }
}
