import { describe, expect, it } from "vitest";
import { parseCliArgs, UsageError } from "@/cli/args";

// Command-line mistakes are named as typed, with what to do; --concurrency takes digits only.

function mistake(argv: string[]): UsageError {
  try {
    parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`accepted: ${argv.join(" ")}`);
}

describe("parseCliArgs", () => {
  it("names an unknown option in its own words", () => {
    for (const [argv, option] of [
      [["clip.mp4", "--bogus"], "--bogus"],
      [["clip.mp4", "--bogus=3"], "--bogus"],
      [["-x", "clip.mp4"], "-x"],
      [["clip.mp4", "-hx"], "-x"],
    ] as const) {
      const error = mistake([...argv]);
      expect(error.message).toBe(`Unknown option ${option}. Run with --help for usage.`);
      expect(error.withUsage).toBe(false);
    }
  });

  it("says when an option lacks its value or takes none", () => {
    expect(mistake(["clip.mp4", "--title"]).message).toBe(
      "--title needs a value. Run with --help for usage.",
    );
    expect(mistake(["clip.mp4", "--title", "--wait"]).message).toBe(
      "--title needs a value (one that starts with “-” is written --title=--wait). Run with --help for usage.",
    );
    expect(mistake(["clip.mp4", "--wait=yes"]).message).toBe(
      "--wait takes no value. Run with --help for usage.",
    );
    expect(parseCliArgs(["clip.mp4", "--title=-dash-"]).title).toBe("-dash-");
  });

  it("keeps a name after -- as a file, whatever it looks like", () => {
    expect(parseCliArgs(["--", "--bogus.mp4"]).files).toStrictEqual(["--bogus.mp4"]);
  });

  it("takes --concurrency as plain digits from 1 to 6 only", () => {
    for (const value of ["1", "2", "6"]) {
      expect(parseCliArgs(["clip.mp4", "--concurrency", value]).concurrency).toBe(Number(value));
    }
    for (const value of ["1.0", "0x2", "1e0", " 2", "2 ", "+2", "0", "7", "", "two"]) {
      const error = mistake(["clip.mp4", `--concurrency=${value}`]);
      expect(error.message).toBe(
        `--concurrency must be a whole number from 1 to 6, not “${value}”.`,
      );
      expect(error.withUsage).toBe(true);
    }
  });
});
