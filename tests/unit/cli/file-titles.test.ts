import { describe, expect, it } from "vitest";
import { titleFiles } from "@/cli/file-titles";
import type { LocalFile } from "@/cli/check-files";
import { titleSchema } from "@/lib/schemas";

// Default titles from file names meet the API's title rules before any request.

const file = (name: string): LocalFile => ({
  path: `videos/${name}`,
  absolutePath: `/home/me/videos/${name}`,
  name,
  size: 1000,
  type: "video/mp4",
});

describe("titleFiles", () => {
  it("titles each file by its name, cut to 250 characters and on one line", () => {
    const files = [
      file(`${"a".repeat(251)}.mp4`),
      file("line\nbreak\t\ttab.mov"),
      file(" x .webm"),
    ];
    const { titles, problems } = titleFiles(files);
    expect(problems).toStrictEqual([]);
    expect(files.map((each) => titles.get(each))).toStrictEqual([
      "a".repeat(250),
      "line break tab",
      "x",
    ]);
    for (const title of titles.values()) expect(titleSchema.parse(title)).toBe(title);
  });

  it("refuses a name that cannot be a title, saying which file and what to do", () => {
    const files = [file("\u202Egnp.mp4"), file("\u200B.mp4"), file("fine.mp4")];
    const { titles, problems } = titleFiles(files);
    expect([...titles.values()]).toStrictEqual(["fine"]);
    expect(problems).toStrictEqual([
      "“videos/\u202Egnp.mp4” cannot be its video's title: The title cannot contain text-direction override characters. Rename the file, or give the video a title with --title.",
      "“videos/\u200B.mp4” cannot be its video's title: The title cannot be empty. Rename the file, or give the video a title with --title.",
    ]);
  });

  it("gives every file the explicit title when there is one", () => {
    const files = [file("\u202Egnp.mp4")];
    const { titles, problems } = titleFiles(files, "Launch teaser");
    expect(problems).toStrictEqual([]);
    expect(titles.get(files[0]!)).toBe("Launch teaser");
  });
});
