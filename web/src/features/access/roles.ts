/** Vietnamese names of the roles, for the header and the pages. */
export const ROLE_LABELS: Record<string, string> = {
  PROVINCE_LEADER: 'Lãnh đạo tỉnh',
  PROVINCE_ADMIN: 'Quản trị tỉnh',
  COMMITTEE_MEMBER: 'Hội đồng Thi đua – Khen thưởng',
  COMMUNE_CHAIR: 'Chủ tịch UBND xã',
  COMMUNE_OFFICER: 'Cán bộ xã',
  TEAM_LEADER: 'Tổ trưởng Tổ CNSCĐ',
};

export const roleLabel = (role: string) => ROLE_LABELS[role] ?? role;

/** A GraphQL error's code and message, in words a person can act on. */
export function signInErrorMessage(error: unknown): string {
  const e = error as { errors?: { message: string; extensions?: { code?: string; retryAfterSeconds?: number } }[]; message?: string };
  const first = e?.errors?.[0];
  const code = first?.extensions?.code;
  if (code === 'TOO_MANY_REQUESTS') {
    // The server says which limit applies (this address for 15 minutes, a day…) and for how long.
    if (first?.message) return first.message;
    const seconds = first?.extensions?.retryAfterSeconds;
    const minutes = seconds ? Math.max(1, Math.ceil(seconds / 60)) : 15;
    return `Đăng nhập sai quá nhiều lần. Tài khoản tạm khóa, hãy thử lại sau khoảng ${minutes} phút.`;
  }
  if (first?.message) return first.message;
  if (typeof navigator !== 'undefined' && !navigator.onLine) return 'Máy đang mất kết nối mạng; hãy kiểm tra kết nối rồi thử lại.';
  return 'Máy chủ chưa trả lời được; hãy thử lại sau ít phút.';
}
