/**
 * scenarioCodec.ts - a scenario document in a URL fragment: base64url of its JSON, so a custom
 * scenario (e.g. the benchmark's 300-module chain) can be opened and shared like a preset.
 */
const encoded = new WeakMap<object, string>();

/** Encodes once per scenario object: the URL writer asks for it on every write. */
export function encodeScenario(scenario: unknown): string {
  const key = typeof scenario === 'object' && scenario !== null ? scenario : null;
  const hit = key && encoded.get(key);
  if (hit) return hit;
  const out = encodeUncached(scenario);
  if (key) encoded.set(key, out);
  return out;
}

function encodeUncached(scenario: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(scenario));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Throws on anything that is not base64url-encoded JSON. */
export function decodeScenario(text: string): unknown {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}
