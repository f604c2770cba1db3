/**
 * useModulesJson.ts - fetches the shipped modules.json once per page (public/data/, never
 * ../shared at run time).
 */
import { useEffect, useState } from 'react';
import type { ModulesJson } from './kernelGraph';

export const MODULES_JSON = 'data/debian-6.1.0-47-cloud-amd64.modules.json';

let request: Promise<ModulesJson> | null = null;

function load(): Promise<ModulesJson> {
  request ??= fetch(`${import.meta.env.BASE_URL}${MODULES_JSON}`).then((r) => {
    if (!r.ok) throw new Error(`${MODULES_JSON}: HTTP ${r.status}`);
    return r.json() as Promise<ModulesJson>;
  });
  request.catch(() => (request = null));
  return request;
}

export function useModulesJson(): { json: ModulesJson | null; error: string | null } {
  const [state, setState] = useState<{ json: ModulesJson | null; error: string | null }>({ json: null, error: null });
  useEffect(() => {
    let live = true;
    load().then(
      (json) => live && setState({ json, error: null }),
      (e: Error) => live && setState({ json: null, error: e.message }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
