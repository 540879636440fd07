/*
 * Password hashing: argon2id (OWASP parameters: 19 MiB, 2 passes, 1 lane) through @node-rs/argon2,
 * which ships prebuilt binaries. A hash is a one-way PHC string `$argon2id$v=19$m=…$salt$hash`.
 */
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
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

/*
 * How guessable a new password is: zxcvbn-ts (the common-passwords list, keyboard patterns,
 * sequences, dates, repeats), with what anyone knows of the account as extra words: the username,
 * the full name, the names of its areas, the app's name. There is no Vietnamese language package;
 * the few Vietnamese words below are the obvious ones for this app (options.dictionary is zxcvbn's
 * place for them). Score 3 of 4 ("safely unguessable": about 10^8 guesses) is the floor.
 */
const MIN_SCORE = 3;
const VIETNAMESE_WORDS = ['matkhau', 'matma', 'thiduaso', 'thidua', 'binhdanhocvuso', 'hocvuso', 'chuyendoiso',
  'vietnam', 'anhyeuem', 'emyeuanh', 'yeuem', 'xinchao', 'quantri', 'canbo', 'chutich', 'totruong', 'caobang', 'hanoi'];
let strength: ZxcvbnFactory | undefined;
const estimator = () => (strength ??= new ZxcvbnFactory({
  dictionary: { ...common.dictionary, vietnamese: VIETNAMESE_WORDS },
  graphs: common.adjacencyGraphs,
  // Only the first 64 characters are judged (a longer password is strong anyway): the estimate's
  // cost grows with the length.
  maxLength: 64,
}));

/** Lower case without Vietnamese marks ("Thôn Bản Giới" → "thon ban gioi"). */
const plain = (text: string) => text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');

/**
 * What a guesser tries from one piece of the account: the whole, and every run of its words written
 * together ("Xã Thành Công" → "xa thanh cong", "xathanhcong", "thanhcong", "thanh", "cong", …).
 */
function guessesFrom(inputs: readonly string[]): string[] {
  const guesses = new Set<string>();
  for (const input of [...inputs, 'Thi đua số']) {
    const text = plain(input).trim().slice(0, 100);
    if (!text) continue;
    guesses.add(text);
    const words = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    for (let from = 0; from < words.length; from++) {
      for (let to = from + 1; to <= words.length; to++) {
        const run = words.slice(from, to).join('');
        if (run.length >= 3) guesses.add(run);
      }
    }
  }
  return [...guesses];
}

/** The strength score of a password (0–4): the lower of it as typed and without marks or spaces ("Cao Bằng 1" → "caobang1"). */
export function passwordScore(password: string, userInputs: readonly string[] = []): number {
  const guesses = guessesFrom(userInputs);
  const candidates = new Set([password, plain(password).replace(/\s+/g, '')]);
  return Math.min(...[...candidates].map((p) => estimator().check(p, guesses).score));
}

export const WEAK_PASSWORD = 'Mật khẩu quá dễ đoán. Hãy dùng một cụm vài từ không liên quan đến nhau; tránh mật khẩu phổ biến, '
  + 'chuỗi bàn phím, ngày tháng, tên đăng nhập, họ tên và tên địa bàn.';

/**
 * A new password (never applied at sign-in: existing passwords keep working): long enough, not
 * absurdly long (argon2 input), and not easy to guess from common passwords or from `userInputs`
 * (the account's username, full name, area names).
 */
export function checkNewPassword(password: string, userInputs: readonly string[] = []): void {
  if (password.trim().length < MIN_PASSWORD_LENGTH) {
    throw new InvalidInputError(`Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new InvalidInputError(`Mật khẩu không được dài quá ${MAX_PASSWORD_LENGTH} ký tự.`);
  }
  if (passwordScore(password, userInputs) < MIN_SCORE) {
    throw new InvalidInputError(WEAK_PASSWORD, { reason: 'WEAK_PASSWORD' });
  }
}
