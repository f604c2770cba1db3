/**
 * graphImage.ts - a graph panel as the user sees it, saved as PNG or SVG with html-to-image (it
 * clones the React Flow drawing with its computed styles into an SVG foreignObject; the PNG is
 * that SVG painted on a canvas). The zoom buttons and the attribution stay out of the picture.
 */
import { toPng, toSvg } from 'html-to-image';

function keep(node: HTMLElement): boolean {
  const cls = node.classList;
  return !(cls && (cls.contains('react-flow__controls') || cls.contains('react-flow__attribution') || cls.contains('react-flow__minimap') || cls.contains('flow-status')));
}

function options(el: HTMLElement) {
  // The panel's own colour (a CSS variable of the theme) behind the drawing, not transparency.
  const background = getComputedStyle(el).getPropertyValue('--panel').trim() || '#ffffff';
  return { backgroundColor: background, filter: keep, cacheBust: false, pixelRatio: 2 };
}

export async function graphPng(el: HTMLElement): Promise<Blob> {
  const url = await toPng(el, options(el));
  return (await fetch(url)).blob();
}

export async function graphSvg(el: HTMLElement): Promise<Blob> {
  const url = await toSvg(el, options(el));
  // toSvg() gives `data:image/svg+xml;charset=utf-8,<percent-encoded SVG>`.
  const text = decodeURIComponent(url.slice(url.indexOf(',') + 1));
  return new Blob([text], { type: 'image/svg+xml' });
}
