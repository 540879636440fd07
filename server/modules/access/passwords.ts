/*
 * Password hashing: argon2id (OWASP parameters: 19 MiB, 2 passes, 1 lane) through @node-rs/argon2,
 * which ships prebuilt binaries. A hash is a one-way PHC string `$argon2id$v=19$m=…$salt$hash`.
 */
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { InvalidInputError } from '../../errors';

// `Algorithm` is a const enum that isolated modules cannot inline: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * A hash of nothing anyone knows, verified when the username is unknown or inactive, so that
 * case costs the same time as a wrong password and the two cannot be told apart.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`);
  return dummy;
}

/** A new password: long enough, not absurdly long (argon2 input), not blank. */
export function checkNewPassword(password: string): void {
  if (password.trim().length < MIN_PASSWORD_LENGTH) {
    throw new InvalidInputError(`Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new InvalidInputError(`Mật khẩu không được dài quá ${MAX_PASSWORD_LENGTH} ký tự.`);
  }
}
