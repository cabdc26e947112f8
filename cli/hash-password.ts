// `npm run hash-password [-- email]`: prints a scrypt hash for CIPHERDROP_CREATORS (`email:hash` when an
// email is given). The password is read from a hidden prompt, or from stdin when piped, never from argv,
// so it stays out of shell history.
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { hashPassword } from "@/lib/auth/password";

function prompt(question: string): Promise<string> {
  process.stderr.write(question);
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  return new Promise((resolve) => {
    rl.question("", (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    });
  });
}

async function readStdin(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, "");
}

async function main() {
  const email = process.argv[2]?.trim().toLowerCase();
  if (email && !/^[^\s@:,]+@[^\s@:,]+$/.test(email)) {
    throw new Error(`"${email}" does not look like an email.`);
  }
  let password: string;
  if (process.stdin.isTTY) {
    password = await prompt("Password: ");
    if ((await prompt("Again: ")) !== password) throw new Error("The passwords differ.");
  } else {
    password = await readStdin();
  }
  if (password.length < 8) throw new Error("Use a password of at least 8 characters.");
  const hash = await hashPassword(password);
  console.log(email ? `${email}:${hash}` : hash);
}

main().catch((error: Error) => {
  console.error(`hash-password: ${error.message}`);
  process.exit(1);
});
