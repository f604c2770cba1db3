/**
 * errno.ts - the errno values the simulated kernel returns, with glibc's strerror() text.
 * x86-64 Linux numbers (include/uapi/asm-generic/errno-base.h, errno.h).
 */
export const ERRNO = {
  EPERM: 1,
  ENOENT: 2,
  ESRCH: 3,
  EINTR: 4,
  ENOEXEC: 8,
  EAGAIN: 11,
  ENOMEM: 12,
  EBUSY: 16,
  EEXIST: 17,
  ENODEV: 19,
  EINVAL: 22,
  ENAMETOOLONG: 36,
  ETIME: 62,
  ERESTARTSYS: 512,
} as const;

export type ErrnoName = keyof typeof ERRNO;

/** EWOULDBLOCK is EAGAIN on Linux. */
export const EWOULDBLOCK = ERRNO.EAGAIN;

const STRERROR: Record<number, string> = {
  1: 'Operation not permitted',
  2: 'No such file or directory',
  3: 'No such process',
  4: 'Interrupted system call',
  8: 'Exec format error',
  11: 'Resource temporarily unavailable',
  12: 'Cannot allocate memory',
  16: 'Device or resource busy',
  17: 'File exists',
  19: 'No such device',
  22: 'Invalid argument',
  36: 'File name too long',
  62: 'Timer expired',
};

/** glibc strerror() for a positive errno value. */
export function strerror(errno: number): string {
  return STRERROR[errno] ?? `Unknown error ${errno}`;
}

const NAMES = new Map<number, string>(Object.entries(ERRNO).map(([k, n]) => [n, k]));

/** 'EBUSY' for 16 (or -16). */
export function errnoName(errno: number): string {
  const v = Math.abs(errno);
  return NAMES.get(v) ?? `E${v}`;
}
