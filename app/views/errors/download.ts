/**
 * download.ts - saves a text as a file through the browser's download, for inputs the page could
 * not use (a link's scenario, an unreadable autosave): the user keeps them.
 */
export function downloadText(name: string, text: string, type = 'application/json'): void {
  downloadBlob(name, new Blob([text], { type }));
}

/** Saves a blob through a blob: URL, which works in the static build as well as from a server. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** An input as text: strings as they are, anything else as indented JSON. */
export function inputText(input: unknown): string {
  return typeof input === 'string' ? input : JSON.stringify(input, null, 2);
}
