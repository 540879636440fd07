/*
 * Personal data shown by role (docs/personal-data.md): a role that needs only counts gets names
 * masked and no contact details. Today that is the province leader, who watches the map and
 * compares communes; the public sees masked names only where the awards publish them (posting,
 * honour roll, verification). Every reader of people's names goes through here.
 */
import { Role, type Viewer } from './roles';

/** Signed-in roles that see people only as masked names, without phone numbers. */
export const MASKED_ROLES: readonly Role[] = [Role.PROVINCE_LEADER];

/** True for the public and for the roles of MASKED_ROLES. */
export const namesMaskedFor = (viewer: Viewer | null): boolean => viewer === null || MASKED_ROLES.includes(viewer.role);

const initial = (word: string) => `${(Array.from(word)[0] ?? '').toLocaleUpperCase('vi')}.`;

/** "Nguyễn Văn An" → "Nguyễn V. A.": family name in full, the other words as initials; a one-word name keeps only its initial. */
export function maskName(fullName: string): string {
  const words = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  if (words.length === 1) return initial(words[0]!);
  const [family, ...rest] = words;
  return [family, ...rest.map(initial)].join(' ');
}

/** A person's name as this viewer may see it. */
export const personNameFor = (viewer: Viewer | null, fullName: string): string =>
  namesMaskedFor(viewer) ? maskName(fullName) : fullName;

/** A person's phone number as this viewer may see it: none for the masked roles. */
export const phoneFor = (viewer: Viewer | null, phone: string | null): string | null => (namesMaskedFor(viewer) ? null : phone);
