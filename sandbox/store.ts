import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";

export type VideoStatus = "PRE-Upload" | "Queued" | "Processing" | "ready" | "Error";

export type VideoRecord = {
  id: string;
  title: string;
  description: string;
  folderId: string;
  uploadTime: number;
  seq: number;
  status: VideoStatus;
  length: number;
  tags: string[];
  sizeBytes?: number;
  queuedAt?: number;
  importUrl?: string;
  poster?: { width: number; height: number };
  media?: { width: number; height: number; sizeBytes: number; bitrate: number };
};

export type HookRecord = {
  uuid: string;
  type: string;
  value: string;
  event: string;
  status: number;
};
export type OtpRecord = { otp: string; videoId: string; expiresAt: number };

type State = { seq: number; videos: VideoRecord[]; hooks: HookRecord[]; otps: OtpRecord[] };

export const newId = () => randomBytes(16).toString("hex");

/** All sandbox state, persisted as one JSON document written atomically (temp file + rename). */
export class Store {
  videos = new Map<string, VideoRecord>();
  hooks: HookRecord[] = [];
  otps = new Map<string, OtpRecord>();
  private seq = 0;
  private writing: Promise<void> = Promise.resolve();
  private pending = false;
  private staged = new Map<string, VideoRecord>();

  constructor(readonly dataDir: string) {}

  get stateFile() {
    return path.join(this.dataDir, "state.json");
  }
  get tmpDir() {
    return path.join(this.dataDir, "tmp");
  }
  /** Uploads being received; a file here is always partial. */
  get incomingDir() {
    return path.join(this.dataDir, "incoming");
  }
  videoDir(id: string) {
    return path.join(this.dataDir, "videos", id);
  }
  sourcePath(id: string) {
    return path.join(this.videoDir(id), "source");
  }
  mediaPath(id: string) {
    return path.join(this.videoDir(id), "video.mp4");
  }
  posterPath(id: string) {
    return path.join(this.videoDir(id), "poster.jpeg");
  }

  async load(): Promise<void> {
    await mkdir(this.dataDir, { recursive: true });
    // Partial uploads and half-written outputs of a previous run are never resumable.
    for (const dir of [this.tmpDir, this.incomingDir]) {
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
    }
    let state: State;
    try {
      state = JSON.parse(await readFile(this.stateFile, "utf8")) as State;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    this.seq = state.seq;
    this.videos = new Map(state.videos.map((video) => [video.id, video]));
    this.hooks = state.hooks;
    this.otps = new Map(state.otps.map((otp) => [otp.otp, otp]));
  }

  createVideo(title: string, folderId: string): VideoRecord {
    const video: VideoRecord = {
      id: newId(),
      title,
      description: "",
      folderId,
      uploadTime: Math.floor(Date.now() / 1000),
      seq: ++this.seq,
      status: "PRE-Upload",
      length: 0,
      tags: [],
    };
    this.videos.set(video.id, video);
    return video;
  }

  async deleteVideo(id: string): Promise<void> {
    this.videos.delete(id);
    for (const [otp, record] of this.otps) if (record.videoId === id) this.otps.delete(otp);
    await rm(this.videoDir(id), { recursive: true, force: true });
  }

  async clear(): Promise<void> {
    const ids = [...this.videos.keys()];
    this.videos.clear();
    this.hooks = [];
    this.otps.clear();
    await Promise.all(ids.map((id) => rm(this.videoDir(id), { recursive: true, force: true })));
    await this.save();
  }

  /**
   * Changes a video durably: readers see the change only once it is on disk, so a crash never
   * shows a state that a client has already observed going backwards.
   */
  async update(video: VideoRecord, patch: Partial<VideoRecord>): Promise<void> {
    const next = { ...(this.staged.get(video.id) ?? video), ...patch };
    this.staged.set(video.id, next);
    await this.save();
    if (this.staged.get(video.id) === next) this.staged.delete(video.id);
    Object.assign(video, patch);
  }

  /** Resolves once a write that includes every change made before the call is on disk. */
  save(): Promise<void> {
    if (this.pending) return this.writing;
    this.pending = true;
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        this.pending = false;
        await this.writeState();
      });
    return this.writing;
  }

  async flush(): Promise<void> {
    await this.writing;
  }

  private async writeState(): Promise<void> {
    const now = Date.now();
    for (const [otp, record] of this.otps) if (record.expiresAt < now) this.otps.delete(otp);
    const state: State = {
      seq: this.seq,
      videos: [...this.videos.values()].map((video) => this.staged.get(video.id) ?? video),
      hooks: this.hooks,
      otps: [...this.otps.values()],
    };
    const temp = path.join(this.dataDir, `state.json.${process.pid}.${newId()}.tmp`);
    const handle = await open(temp, "w");
    try {
      await handle.writeFile(JSON.stringify(state));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, this.stateFile);
  }
}
