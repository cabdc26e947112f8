export type RangeDecision =
  { kind: "full" } | { kind: "unsatisfiable" } | { kind: "partial"; start: number; end: number };

const FULL: RangeDecision = { kind: "full" };

/**
 * RFC 9110 §14: what to send for a `Range` header on a representation of `size` bytes. An invalid
 * header or another unit is ignored (the full body), the unit is case-insensitive, and only a valid
 * set with no satisfiable range is refused. A set of several ranges is answered with the full body,
 * which the RFC allows, rather than multipart/byteranges.
 */
export function decideRange(header: string | undefined, size: number): RangeDecision {
  if (header === undefined) return FULL;
  const equals = header.indexOf("=");
  if (equals === -1 || header.slice(0, equals).trim().toLowerCase() !== "bytes") return FULL;
  // A list may hold empty elements, which recipients skip.
  const specs = header
    .slice(equals + 1)
    .split(",")
    .map((spec) => spec.trim())
    .filter(Boolean);
  const ranges: { start: number; end: number }[] = [];
  for (const spec of specs) {
    const match = /^(\d*)-(\d*)$/.exec(spec);
    if (!match || (match[1] === "" && match[2] === "")) return FULL;
    const [first, last] = [match[1]!, match[2]!];
    if (first === "") {
      const suffix = Number(last);
      if (suffix > 0 && size > 0) ranges.push({ start: Math.max(0, size - suffix), end: size - 1 });
      continue;
    }
    if (last !== "" && Number(last) < Number(first)) return FULL;
    if (Number(first) < size) {
      ranges.push({
        start: Number(first),
        end: Math.min(last === "" ? size - 1 : Number(last), size - 1),
      });
    }
  }
  if (specs.length === 0) return FULL;
  if (ranges.length === 0) return { kind: "unsatisfiable" };
  if (specs.length > 1) return FULL;
  return { kind: "partial", ...ranges[0]! };
}

/**
 * RFC 9110 §13.1.5: a range is honoured only when `If-Range` names the current representation, by
 * a strong entity-tag equal to ours or by a date equal to our Last-Modified.
 */
export function ifRangeHolds(
  ifRange: string | undefined,
  etag: string,
  lastModified: string,
): boolean {
  if (ifRange === undefined) return true;
  const value = ifRange.trim();
  if (value.startsWith('"') || value.startsWith("W/")) return value === etag;
  const date = Date.parse(value);
  return !Number.isNaN(date) && date === Date.parse(lastModified);
}
