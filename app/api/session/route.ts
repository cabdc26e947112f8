// POST /api/session – sign a creator in; DELETE /api/session – sign out
import { signIn, signOut } from "@/lib/auth/sign-in";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    return await signIn(request);
  } catch (error) {
    return errorResponse(error);
  }
}

export async function DELETE(request: Request) {
  try {
    return await signOut(request);
  } catch (error) {
    return errorResponse(error);
  }
}
