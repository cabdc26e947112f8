import type { Locator } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";

export type DropFile = {
  /** A file under tests/fixtures, or null for an empty file. */
  fixture: string | null;
  name: string;
  /** The MIME type the browser reports; "" like Chromium for .mkv or some .MOV files. */
  type: string;
};

export const fixturePath = (name: string) => path.join(process.cwd(), "tests", "fixtures", name);

/**
 * Drops real files on an element the way a person does: dragenter, dragover and drop events whose
 * DataTransfer carries File objects built in the page, so the MIME type is exactly what we say.
 */
export async function dropFiles(target: Locator, files: DropFile[]): Promise<void> {
  const payload = files.map((file) => ({
    name: file.name,
    type: file.type,
    base64: file.fixture ? readFileSync(fixturePath(file.fixture)).toString("base64") : "",
  }));
  await target.evaluate((element, items) => {
    const transfer = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], item.name, { type: item.type }));
    }
    for (const type of ["dragenter", "dragover", "drop"]) {
      element.dispatchEvent(
        new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
      );
    }
  }, payload);
}
