"use server";
// Step one of signing in: check the password and say what comes next (a code, or enrolment
// with a QR code). The session itself is created by next-auth's credentials callback in step two.
import QRCode from "qrcode";
import { getRequestContext } from "@/lib/auth/session";
import { checkPassword, signInRefusal } from "@/lib/auth/sign-in";
import type { SignInError } from "@/lib/auth/sign-in-errors";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { credentialsSchema } from "@/lib/validation/auth";

export type BeginSignInResult =
  | { status: "CODE_REQUIRED" }
  | { status: "ENROL"; qrDataUrl: string; secret: string }
  | { status: "REFUSED"; error: SignInError }
  | { status: "FIELDS"; fieldErrors: Record<string, string> };

export async function beginSignIn(input: { email: string; password: string }): Promise<BeginSignInResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { status: "FIELDS", fieldErrors };
  }
  const context = await getRequestContext();
  try {
    const now = await currentTime(db());
    const result = await checkPassword({ ...parsed.data, now, context });
    switch (result.status) {
      case "CODE_REQUIRED":
        return result;
      case "ENROL":
        return {
          status: "ENROL",
          secret: result.secret,
          qrDataUrl: await QRCode.toDataURL(result.otpauthUri, { errorCorrectionLevel: "M", margin: 2, width: 224 }),
        };
      default:
        return { status: "REFUSED", error: signInRefusal(result, now) };
    }
  } catch (e) {
    log.error({ err: e, requestId: context.requestId }, "sign-in step one failed");
    return { status: "REFUSED", error: { code: "ERROR", requestId: context.requestId } };
  }
}
