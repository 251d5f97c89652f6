// Hash routing: the engine serves one index.html at `/`, and Electron loads that same URL, so the
// route lives in the fragment and never reaches the server.
import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The first path segment of `#/segment/...`, or '' when there is none. */
export function currentRouteId(): string {
  return window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
}

export function useHashRoute(): string {
  return useSyncExternalStore(subscribe, currentRouteId);
}

export function routeHref(id: string): string {
  return `#/${id}`;
}
