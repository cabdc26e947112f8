// `npm run dev`: next dev, plus the sandbox beside it whenever the app would run in sandbox mode.
import nextEnv from "@next/env";
import concurrently from "concurrently";

nextEnv.loadEnvConfig(process.cwd(), true);
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const forced = ["1", "true"].includes(process.env.CIPHERDROP_SANDBOX ?? "");
const sandboxMode = forced || !process.env.VDOCIPHER_API_SECRET;
const extraArgs = process.argv.slice(2).join(" ");

const commands = [{ command: `next dev ${extraArgs}`.trim(), name: "next", prefixColor: "blue" }];
if (sandboxMode) {
  commands.unshift({ command: "tsx sandbox/main.ts", name: "sandbox", prefixColor: "magenta" });
} else {
  console.log("[dev] VDOCIPHER_API_SECRET is set: talking to VdoCipher, not starting the sandbox.");
}

const { result } = concurrently(commands, { killOthersOn: ["failure", "success"], prefix: "name" });
result.then(
  () => process.exit(0),
  () => process.exit(1),
);
