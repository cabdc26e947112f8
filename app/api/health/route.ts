// GET /api/health – liveness and which backend (sandbox or VdoCipher) the server talks to
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

export function GET() {
  try {
    return Response.json(
      { ok: true, mode: env().mode },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
