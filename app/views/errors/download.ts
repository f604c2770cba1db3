/**
 * download.ts - saves a text as a file through the browser's download, for inputs the page could
 * not use (a link's scenario, an unreadable autosave): the user keeps them.
 */
export function downloadText(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
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
