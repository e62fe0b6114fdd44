import { z } from 'zod';
import { AppError, type FieldProblem, validation } from '../../platform/errors.ts';
import { createSession, destroyUserSessions } from '../../platform/http/sessions.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { hashPassword, passwordWeakness, verifyPassword } from '../../platform/security/passwords.ts';
import { newToken } from '../../platform/security/tokens.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { parseInput, problemsFromZod, safeParse } from '../../platform/validation.ts';
import { linkMail } from './mails.ts';
import * as repo from './repository.ts';
import {
  ChangePasswordInput,
  emailSchema,
  ResetPasswordInput,
  ResetRequestInput,
  SetPasswordInput,
  SignInInput,
  SignUpInput,
  TimeZoneInput,
} from './schemas.ts';

const HOUR = 3_600_000;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const SIGN_IN_MAX_FAILURES = 10;

function assertStrongPassword(password: string, email?: string) {
  const weakness = passwordWeakness(password, email);
  if (weakness) throw validation([{ field: 'password', message: weakness }]);
}

const SIGN_UP_FIELDS = ['name', 'email', 'password'];

/**
 * Creates an account and mails a confirmation link, checking every field of the sign-up form at
 * once, so the form names all its problems together. `provenEmail`: an address the caller has
 * already proved the person reads (an invitation link mailed to it); an account with that address
 * starts confirmed and gets no confirmation mail.
 */
export async function signUp(s: Services, raw: unknown, lang: Lang, opts: { provenEmail?: string } = {}) {
  const parsed = safeParse(SignUpInput, raw);
  const problems: FieldProblem[] = parsed.success ? [] : problemsFromZod(parsed.error);
  const bad = (field: string) => problems.some((p) => p.field === field);
  const body = (raw ?? {}) as Record<string, unknown>;
  const email = parsed.success
    ? parsed.data.email
    : typeof body.email === 'string'
      ? body.email.trim().toLowerCase()
      : '';
  if (!bad('password')) {
    const weakness = passwordWeakness(String(body.password), email);
    if (weakness) problems.push({ field: 'password', message: weakness });
  }
  if (!bad('email') && (await repo.findUserByEmail(s.db, email))) {
    problems.push({ field: 'email', message: 'v.email_taken' });
  }
  if (problems.length || !parsed.success) {
    problems.sort((a, b) => SIGN_UP_FIELDS.indexOf(a.field) - SIGN_UP_FIELDS.indexOf(b.field));
    throw validation(problems);
  }
  const input = parsed.data;
  const proven = opts.provenEmail !== undefined && opts.provenEmail.toLowerCase() === input.email;
  const passwordHash = await hashPassword(input.password);
  return s.db.transaction().execute(async (trx) => {
    if (await repo.findUserByEmail(trx, input.email)) {
      throw validation([{ field: 'email', message: 'v.email_taken' }]);
    }
    const user = await repo
      .insertUser(trx, { email: input.email, name: input.name, passwordHash, locale: lang, verified: proven })
      .catch((err: { code?: string }) => {
        // Two sign-ups racing for one address: the unique index decides, the loser gets the same answer.
        if (err.code === '23505') throw validation([{ field: 'email', message: 'v.email_taken' }]);
        throw err;
      });
    if (!proven) await sendVerification(s, trx, user.id, user.email, lang);
    return user;
  });
}

async function sendVerification(s: Services, db: Services['db'], userId: string, email: string, lang: Lang) {
  const token = newToken();
  await repo.insertAuthToken(db, userId, 'verify_email', token, 48 * HOUR);
  await s.mailer.queue(
    db,
    linkMail(email, lang, 'mail.verify', `${s.config.baseUrl}/verify-email?token=${token}`),
  );
}

export async function resendVerification(s: Services, actor: Actor, lang: Lang) {
  if (actor.emailVerified) return;
  await s.db.transaction().execute((trx) => sendVerification(s, trx, actor.id, actor.email, lang));
}

export async function verifyEmail(s: Services, token: string) {
  const result = await repo.consumeAuthToken(s.db, token, 'verify_email');
  if ('problem' in result) throw new AppError('gone', `link_${result.problem}`);
  await repo.updateUser(s.db, result.userId, { email_verified_at: new Date() });
  return result.userId;
}

/**
 * Checks a password and opens a session. More than SIGN_IN_MAX_FAILURES failures for the account
 * or the address within the window answer 429 before the password is even checked.
 */
export async function signIn(
  s: Services,
  raw: unknown,
  ip: string,
): Promise<{ sessionToken: string; userId: string }> {
  const input = parseInput(SignInInput, raw);
  const failures = await repo.recentFailures(s.db, input.email, ip, new Date(Date.now() - SIGN_IN_WINDOW_MS));
  if (failures.byEmail >= SIGN_IN_MAX_FAILURES || failures.byIp >= SIGN_IN_MAX_FAILURES) {
    throw new AppError('rate_limited', 'Too many failed sign-ins. Try again in 15 minutes.');
  }
  const user = await repo.findUserByEmail(s.db, input.email);
  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !ok || user.disabled_at) {
    await repo.recordSignInAttempt(s.db, input.email, ip, false);
    throw validation([{ field: 'email', message: 'v.credentials' }], 'E-mail or password is not correct.');
  }
  await repo.recordSignInAttempt(s.db, input.email, ip, true);
  return { sessionToken: await createSession(s.db, user.id), userId: user.id };
}

/** Always answers the same way, so the form does not reveal which addresses have accounts. */
export async function requestPasswordReset(s: Services, raw: unknown, lang: Lang) {
  const input = parseInput(ResetRequestInput, raw);
  const user = await repo.findUserByEmail(s.db, input.email);
  if (!user || user.disabled_at) return;
  await s.db.transaction().execute(async (trx) => {
    await repo.invalidateAuthTokens(trx, user.id, 'reset_password');
    const token = newToken();
    await repo.insertAuthToken(trx, user.id, 'reset_password', token, HOUR);
    await s.mailer.queue(
      trx,
      linkMail(
        user.email,
        user.locale ?? lang,
        'mail.reset',
        `${s.config.baseUrl}/reset-password?token=${token}`,
      ),
    );
  });
}

export async function resetPassword(s: Services, raw: unknown) {
  const input = parseInput(ResetPasswordInput, raw);
  assertStrongPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return s.db.transaction().execute(async (trx) => {
    const result = await repo.consumeAuthToken(trx, input.token, 'reset_password');
    if ('problem' in result) throw new AppError('gone', `link_${result.problem}`);
    // Whoever follows the link has proved they read the mailbox: the address is verified too.
    await repo.updateUser(trx, result.userId, { password_hash: passwordHash, email_verified_at: new Date() });
    await destroyUserSessions(trx, result.userId);
    return result.userId;
  });
}

/**
 * Changes the password, proving the current one. An account that has none yet (the first
 * administrator, signed in by a one-time link) sets its first password without one.
 */
export async function changePassword(s: Services, actor: Actor, raw: unknown, keepSession: string) {
  const user = await repo.findUserById(s.db, actor.id);
  if (!user) throw new AppError('unauthenticated', 'Sign in first.');
  if (user.password_hash === null) {
    const input = parseInput(SetPasswordInput, raw);
    assertStrongPassword(input.password, user.email);
    await repo.updateUser(s.db, actor.id, { password_hash: await hashPassword(input.password) });
    await destroyUserSessions(s.db, actor.id, keepSession);
    return { first: true };
  }
  const input = parseInput(ChangePasswordInput, raw);
  if (!(await verifyPassword(user.password_hash, input.current_password))) {
    throw validation([{ field: 'current_password', message: 'v.current_password' }]);
  }
  assertStrongPassword(input.password, user.email);
  await repo.updateUser(s.db, actor.id, { password_hash: await hashPassword(input.password) });
  await destroyUserSessions(s.db, actor.id, keepSession);
  return { first: false };
}

/** Whether the account can sign in with a password (the account page offers "set" or "change"). */
export async function hasPassword(s: Services, actor: Actor): Promise<boolean> {
  const user = await repo.findUserById(s.db, actor.id);
  return Boolean(user?.password_hash);
}

/** Consumes a one-time sign-in link (the first admin's) and opens a session. */
export async function signInWithLink(s: Services, token: string) {
  const result = await repo.consumeAuthToken(s.db, token, 'sign_in');
  if ('problem' in result) throw new AppError('gone', `link_${result.problem}`);
  await repo.updateUser(s.db, result.userId, { email_verified_at: new Date() });
  return { sessionToken: await createSession(s.db, result.userId), userId: result.userId };
}

export async function issueSignInLink(s: Services, userId: string): Promise<string> {
  const token = newToken();
  await repo.invalidateAuthTokens(s.db, userId, 'sign_in');
  await repo.insertAuthToken(s.db, userId, 'sign_in', token, 24 * HOUR);
  return `${s.config.baseUrl}/sign-in/link?token=${token}`;
}

/**
 * On every start: if no admin exists, create one for ADMIN_EMAIL (or promote that account) and
 * return a one-time sign-in link for the console.
 */
export async function ensureAdmin(s: Services): Promise<{ email: string; link: string } | null> {
  if ((await repo.countAdmins(s.db)) > 0) return null;
  const email = s.config.adminEmail;
  let user = await repo.findUserByEmail(s.db, email);
  if (user) await repo.updateUser(s.db, user.id, { role: 'admin' });
  else
    user = await repo.insertUser(s.db, {
      email,
      name: 'Administrator',
      passwordHash: null,
      role: 'admin',
      verified: true,
    });
  return { email, link: await issueSignInLink(s, user.id) };
}

export async function createUserWithRole(
  s: Services,
  input: { email: string; name?: string; role: 'user' | 'editor' | 'admin'; password: string },
) {
  // Accounts made here get an address that mail can reach, like sign-up's.
  const email = parseInput(z.object({ email: emailSchema }), { email: input.email }).email;
  assertStrongPassword(input.password, email);
  if (await repo.findUserByEmail(s.db, email))
    throw validation([{ field: 'email', message: 'v.email_taken' }]);
  return repo.insertUser(s.db, {
    email,
    name: input.name ?? email.split('@')[0] ?? email,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    verified: true,
  });
}

export async function createApiToken(s: Services, userId: string, name: string) {
  const token = newToken('chp_');
  const row = await repo.insertApiToken(s.db, userId, name.trim().slice(0, 80) || 'token', token);
  return { id: row.id, token };
}

/** The account page's data: the actor's API tokens, whether they have a password, their time zone. */
export async function accountView(s: Services, actor: Actor) {
  const [tokens, password, timeZone] = await Promise.all([
    repo.listApiTokens(s.db, actor.id),
    hasPassword(s, actor),
    repo.timeZoneOf(s.db, actor.id),
  ]);
  return { tokens, hasPassword: password, timeZone };
}

/** The actor's own time zone (an IANA name, or empty for none): event pages show times in it too. */
export async function setTimeZone(s: Services, actor: Actor, raw: unknown) {
  const { time_zone } = parseInput(TimeZoneInput, raw);
  await repo.updateUser(s.db, actor.id, { time_zone: time_zone ?? null });
}

/** Revokes one of the actor's own API tokens; another's, or none, is not found. */
export async function revokeApiToken(s: Services, actor: Actor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id) || !(await repo.revokeApiToken(s.db, actor.id, id))) {
    throw new AppError('not_found', 'No such token.');
  }
}

/** Remembers the language a signed-in person chose. */
export async function setLocale(s: Services, actor: Actor, lang: Lang) {
  await repo.updateUser(s.db, actor.id, { locale: lang });
}

/** A token for the user with this address (the command line's `tokens create`), or null without one. */
export async function createApiTokenFor(s: Services, email: string, name: string) {
  const user = await repo.findUserByEmail(s.db, email);
  return user ? createApiToken(s, user.id, name) : null;
}

/** A just-created token is shown once, and only to its owner while it is still valid. */
export async function isLiveTokenOf(s: Services, userId: string, token: string): Promise<boolean> {
  return repo.hasLiveApiToken(s.db, userId, token);
}
