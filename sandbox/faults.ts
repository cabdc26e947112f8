import { z } from "zod";

const count = z.number().int().positive().optional();

const faultsSchema = z.strictObject({
  api: z
    .union([
      z.strictObject({ status: z.number().int().min(100).max(599), count }),
      z.strictObject({ hang: z.literal(true), count }),
    ])
    .optional(),
  upload: z
    .union([
      z.strictObject({ dropAfter: z.number().min(0).lt(1), count }),
      z.strictObject({ neverAnswer: z.literal(true), count }),
      z.strictObject({ bytesPerSecond: z.number().int().positive() }),
    ])
    .optional(),
  policyTtlSeconds: z.number().int().positive().optional(),
  processing: z.strictObject({ fail: z.literal(true), count }).optional(),
});

export type FaultSet = z.infer<typeof faultsSchema>;
export type ApiFault = NonNullable<FaultSet["api"]>;
export type UploadFault = NonNullable<FaultSet["upload"]>;

export function parseFaults(body: unknown): FaultSet | string {
  const parsed = faultsSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  return parsed.error.issues
    .map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`)
    .join("; ");
}

/**
 * The active fault switches. A switch with `count` fires that many times and then clears itself;
 * without `count` it stays until replaced or cleared.
 */
export class Faults {
  private active: FaultSet = {};

  get(): FaultSet {
    return structuredClone(this.active);
  }

  replace(next: FaultSet): void {
    this.active = structuredClone(next);
  }

  clear(): void {
    this.active = {};
  }

  takeApi(): ApiFault | undefined {
    return this.take("api");
  }

  /** Drop or never-answer faults are consumed per upload; a throttle applies to every upload. */
  takeUpload(): UploadFault | undefined {
    const upload = this.active.upload;
    if (upload && "bytesPerSecond" in upload) return upload;
    return this.take("upload");
  }

  takeProcessingFailure(): boolean {
    return this.take("processing") !== undefined;
  }

  policyTtlSeconds(): number | undefined {
    return this.active.policyTtlSeconds;
  }

  private take<K extends "api" | "upload" | "processing">(key: K): FaultSet[K] {
    const fault = this.active[key] as (FaultSet[K] & { count?: number }) | undefined;
    if (!fault) return undefined;
    if (fault.count !== undefined) {
      if (fault.count <= 1) delete this.active[key];
      else fault.count -= 1;
    }
    return structuredClone(fault);
  }
}
