import type { UploadTicket } from "@/lib/schemas";

// Isomorphic (browsers and Node 20 both have FormData and Blob): the browser uploader and the
// command-line uploader build the same body. S3 ignores every field after the file and the policy
// must cover each field exactly, so order and content are the whole contract here (F01, F02).

/** Fields every client adds after the issued ones; the policy has a condition for each. */
export const successFields: ReadonlyArray<readonly [string, string]> = [
  ["success_action_status", "201"],
  ["success_action_redirect", ""],
];

/**
 * The multipart body for an S3 POST upload: the ticket's fields byte for byte in issued order,
 * then `success_action_status=201` and an empty `success_action_redirect` unless issued already,
 * then the file as `file`, last. `uploadLink` is the URL to post to, never a field. No
 * Content-Type is set anywhere: the runtime writes it, with the boundary.
 */
export function buildUploadForm(
  ticket: Pick<UploadTicket, "fields">,
  file: Blob,
  filename: string,
): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
  for (const [name, value] of successFields) {
    if (!Object.hasOwn(ticket.fields, name)) form.append(name, value);
  }
  form.append("file", file, filename);
  return form;
}
