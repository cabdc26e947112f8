import type { SandboxConfig } from "./config";
import type { Faults } from "./faults";
import type { HookDelivery } from "./hooks";
import type { ProcessingQueue } from "./processing";
import type { SigningKey } from "./sigv4";
import type { Stats } from "./stats";
import type { Store } from "./store";

/** Everything a request handler may touch. */
export type Sandbox = {
  config: SandboxConfig;
  /** Origin written into upload links, poster, player and media URLs. */
  publicUrl: string;
  store: Store;
  faults: Faults;
  stats: Stats;
  signing: SigningKey;
  processing: ProcessingQueue;
  hooks: HookDelivery;
  /** Secret for the short-lived media tokens the player page hands to its <video>. */
  mediaSecret: string;
};
