/* eslint-disable no-restricted-imports -- the one module that glues next-auth and Next's request APIs to lib/auth. */
// next-auth configuration (Credentials provider, JWT sessions that carry only a UserSession id)
// and getActor(), the single way pages, actions and handlers learn who is asking.
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { db } from "../db/client";
import { currentTime } from "../clock";
import { env } from "../env";
import { log } from "../log";
import { signInSchema } from "../validation/auth";
import { isPersonActivity } from "./activity";
import type { Actor } from "./actor";
import { safeCallbackPath } from "./callback-path";
import { secureCookies, sessionCookieName } from "./cookie";
import { requestContextFrom, type RequestContext } from "./request-context";
import { encodeSignInError, type SignInError } from "./sign-in-errors";
import { completeSignIn, signInRefusal } from "./sign-in";
import { gateSession, passwordChangeActor, type SessionState } from "./password-change-gate";
import { ABSOLUTE_TIMEOUT_MS, resolveSession, signOutSession, type ResolvedSession } from "./sessions";

declare module "next-auth" {
  interface Session {
    sid?: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}

const authLog = log.child({ module: "auth" });

export function authOptions(): NextAuthOptions {
  return {
    secret: env().AUTH_SECRET,
    session: { strategy: "jwt", maxAge: ABSOLUTE_TIMEOUT_MS / 1000 },
    jwt: { maxAge: ABSOLUTE_TIMEOUT_MS / 1000 },
    useSecureCookies: secureCookies(),
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Common Ground",
        credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
        async authorize(credentials, req) {
          const context = requestContextFrom(req.headers ?? {});
          const parsed = signInSchema.safeParse(credentials ?? {});
          let refusal: SignInError = { code: "INVALID" };
          if (parsed.success) {
            try {
              const now = await currentTime(db());
              const result = await completeSignIn({ ...parsed.data, now, context });
              if (result.status === "SIGNED_IN") return { id: result.sessionId };
              refusal = signInRefusal(result, now);
            } catch (e) {
              authLog.error({ err: e, requestId: context.requestId }, "sign-in failed unexpectedly");
              refusal = { code: "ERROR", requestId: context.requestId };
            }
          }
          // next-auth hands the message to the sign-in form through the callback URL.
          throw new Error(encodeSignInError(refusal));
        },
      }),
    ],
    callbacks: {
      // Wherever a callbackUrl points, next-auth only ever sends the browser to a path on this site.
      redirect: ({ url, baseUrl }) => `${baseUrl}${safeCallbackPath(url, baseUrl)}`,
      // The token carries the session id and nothing about the person.
      jwt: ({ token, user }) => (user ? { sid: user.id } : { sid: token.sid }),
      session: ({ session, token }) => ({ expires: session.expires, sid: token.sid }),
    },
    events: {
      // next-auth's own sign-out endpoint: end the server-side session as well.
      async signOut({ token }) {
        if (token?.sid) await signOutCurrent(token.sid);
      },
    },
    logger: {
      error: (code, metadata) => authLog.error({ code, metadata }, "next-auth error"),
      warn: (code) => authLog.warn({ code }, "next-auth warning"),
      debug: () => {},
    },
  };
}

/** The request id, client address and user agent of the current request. */
export const getRequestContext = cache(async (): Promise<RequestContext> => requestContextFrom(await headers()));

export type { SessionState };

async function resolveCurrent(activity: (h: Headers) => boolean): Promise<ResolvedSession> {
  const session = await getServerSession(authOptions());
  if (!session?.sid) return { actor: null, reason: null };
  const now = await currentTime(db());
  return resolveSession({
    sessionId: session.sid,
    now,
    context: await getRequestContext(),
    activity: activity(await headers()),
  });
}

/** This request's session, as stored: before the admin-set-password gate is applied. */
const getResolvedSession = cache((): Promise<ResolvedSession> => resolveCurrent(isPersonActivity));

/**
 * The actor, or why there is none (a session that went idle, expired or was signed out, or a
 * password an admin set that must be changed first: see lib/auth/password-change-gate.ts). Only a
 * request that is the person doing something pushes the idle lock back (lib/auth/activity.ts).
 */
export const getSessionState = cache(async (): Promise<SessionState> => gateSession(await getResolvedSession()));

/** The signed-in user whose admin-set password must be changed before anything else, or null. */
export const getPasswordChangeActor = cache(async (): Promise<Actor | null> =>
  passwordChangeActor(await getResolvedSession()),
);

/** For /api/session/activity: the page reports an in-app navigation, which counts as activity. */
export async function recordActivity(): Promise<SessionState> {
  return gateSession(await resolveCurrent(() => true));
}

/**
 * For long-lived responses (the live-update stream): re-checks this browser's session later,
 * outside the request, never counting as activity. Null when there is no session to watch.
 */
export async function sessionWatcher(): Promise<(() => Promise<SessionState>) | null> {
  const session = await getServerSession(authOptions());
  if (!session?.sid) return null;
  const sessionId = session.sid;
  const context = await getRequestContext();
  return async () =>
    gateSession(await resolveSession({ sessionId, now: await currentTime(db()), context, activity: false }));
}

/** Who is asking, or null. Every page, server action and route handler calls this itself. */
export const getActor = cache(async (): Promise<Actor | null> => (await getSessionState()).actor);

async function signOutCurrent(sessionId: string): Promise<void> {
  await signOutSession({ sessionId, now: await currentTime(db()), context: await getRequestContext() });
}

/** Signs the current browser out: ends its session and deletes the cookie (server actions only). */
export async function signOutThisBrowser(): Promise<void> {
  const session = await getServerSession(authOptions());
  if (session?.sid) await signOutCurrent(session.sid);
  await clearSessionCookie();
}

/** Deletes the session cookie (server actions and route handlers only). */
export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete({ name: sessionCookieName(), path: "/", secure: secureCookies() });
}
