/**
 * kstrtobool.ts - lib/kstrtox.c kstrtobool(): how the kernel reads a bool that user space writes
 * (sysfs attributes such as /sys/kernel/livepatch/P/enabled, bool module parameters). Only the
 * first one or two characters count: "1", "y", "Y", "on" are true; "0", "n", "N", "off" are false
 * (the 'o' case-insensitively followed by 'n' or 'f'); anything else is -EINVAL, returned here as
 * null. Since v5.19 (0d6ea3ac94ca) "t"/"T" and "f"/"F" count too (`trueFalse`), so
 * `has_post_handler=true` parses.
 */
export function kstrtobool(s: string, trueFalse = false): boolean | null {
  switch (s[0]) {
    case 't':
    case 'T':
      return trueFalse ? true : null;
    case 'f':
    case 'F':
      return trueFalse ? false : null;
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
