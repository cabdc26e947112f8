import { titleSchema } from "@/lib/schemas";
import { titleFromFilename } from "@/lib/titles";
import type { LocalFile } from "./check-files";

// A file's default title is the studio's (its name without the extension, at most 250 characters)
// held to the API's title schema, which the studio's requests meet in our route and the command
// line's would skip: control characters become spaces, and a name that cannot be a title (only
// invisible characters, direction overrides) is refused before any request.

export type FileTitles = { titles: Map<LocalFile, string>; problems: string[] };

/** Every file's title: `explicit` (already checked) when given, otherwise one from its name. */
export function titleFiles(files: readonly LocalFile[], explicit?: string): FileTitles {
  const titles = new Map<LocalFile, string>();
  const problems: string[] = [];
  for (const file of files) {
    if (explicit !== undefined) {
      titles.set(file, explicit);
      continue;
    }
    const parsed = titleSchema.safeParse(titleFromFilename(file.name));
    if (parsed.success) titles.set(file, parsed.data);
    else {
      const reason = parsed.error.issues[0]?.message ?? "It is not a valid title.";
      problems.push(
        `“${file.path}” cannot be its video's title: ${reason} Rename the file, or give the video a title with --title.`,
      );
    }
  }
  return { titles, problems };
}
