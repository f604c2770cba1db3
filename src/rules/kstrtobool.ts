/**
 * kstrtobool.ts - lib/kstrtox.c kstrtobool() as of v5.5: how the kernel reads a bool that user
 * space writes (sysfs attributes such as /sys/kernel/livepatch/P/enabled, bool module
 * parameters). Only the first one or two characters count: "1", "y", "Y", "on" are true; "0",
 * "n", "N", "off" are false (the 'o' case-insensitively followed by 'n' or 'f'); anything else
 * is -EINVAL, returned here as null.
 */
export function kstrtobool(s: string): boolean | null {
  switch (s[0]) {
    case 'y':
    case 'Y':
    case '1':
      return true;
    case 'n':
    case 'N':
    case '0':
      return false;
    case 'o':
    case 'O':
      if (s[1] === 'n' || s[1] === 'N') return true;
      if (s[1] === 'f' || s[1] === 'F') return false;
      return null;
    default:
      return null;
  }
}
