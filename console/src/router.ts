/** A small hash router: #/path?query. Links are plain hrefs, so back/forward and bookmarks work. */
import { useEffect, useState } from 'react';

export interface Route {
  path: string;
  query: URLSearchParams;
}

function read(): Route {
  const h = window.location.hash.replace(/^#/, '') || '/';
  const [path, q = ''] = h.split('?');
  return { path: path || '/', query: new URLSearchParams(q) };
}

/** The current route, re-rendered on every hash change. */
export function useRoute(): Route {
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const on = () => setRoute(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

/** The href of a route with its query (empty values left out). */
export function href(path: string, query: Record<string, string | number | boolean | undefined | null> = {}): string {
  const q = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== false)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `#${path}${q ? `?${q}` : ''}`;
}

/** Goes to a route. */
export function go(path: string, query: Record<string, string | number | boolean | undefined | null> = {}): void {
  window.location.hash = href(path, query);
}
