/**
 * Kbd.tsx - a key cap in shortcut hints.
 */
export function Kbd({ children }: { children: string }) {
  return <kbd className="kbd">{children}</kbd>;
}
