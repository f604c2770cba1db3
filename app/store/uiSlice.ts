/**
 * uiSlice.ts - presentation state: theme, which view is open, dialogs, and the message about a
 * bad URL.
 */
import type { StateCreator } from 'zustand';
import type { Store } from './index';

export type Theme = 'light' | 'dark';
export type View = 'playground' | 'kernel' | 'build';

export interface UiSlice {
  theme: Theme;
  view: View;
  galleryOpen: boolean;
  aboutOpen: boolean;
  /** The guided tour is showing, at this stop (tourStops.ts). */
  tourOpen: boolean;
  tourStop: number;
  /** Problems found in the URL, each naming its parameter. */
  urlErrors: string[];
  /** The link's scenario when it was rejected: shown with the errors, and offered to the Build view. */
  urlRejectedInput: unknown;
  setTheme: (t: Theme) => void;
  setView: (v: View) => void;
  setGalleryOpen: (o: boolean) => void;
  setAboutOpen: (o: boolean) => void;
  setTour: (open: boolean, stop?: number) => void;
  setUrlErrors: (e: string[], rejectedInput?: unknown) => void;
}

const THEME_KEY = 'klp-playground:theme';

export function initialTheme(): Theme {
  if (typeof window === 'undefined') return 'light';
  const saved = window.localStorage?.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const createUiSlice: StateCreator<Store, [], [], UiSlice> = (set) => ({
  theme: initialTheme(),
  view: 'playground',
  galleryOpen: false,
  aboutOpen: false,
  tourOpen: false,
  tourStop: 0,
  urlErrors: [],
  urlRejectedInput: undefined,
  setTheme: (theme) => {
    window.localStorage?.setItem(THEME_KEY, theme);
    set({ theme });
  },
  setView: (view) => set({ view }),
  setGalleryOpen: (galleryOpen) => set({ galleryOpen }),
  setAboutOpen: (aboutOpen) => set({ aboutOpen }),
  setTour: (tourOpen, tourStop = 0) => set({ tourOpen, tourStop }),
  setUrlErrors: (urlErrors, urlRejectedInput) => set({ urlErrors, urlRejectedInput }),
});
