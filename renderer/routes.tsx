// The product areas. The side navigation and the router are both built from this table, so a new
// area is one entry here. Only areas that exist are listed.
import type { ComponentType, ReactNode } from 'react';
import { OverviewIcon } from './components/icons.js';
import { OverviewPage } from './pages/overview/OverviewPage.js';

export interface AppRoute {
  /** The hash segment: `#/<id>`. */
  id: string;
  label: string;
  Icon: () => ReactNode;
  Page: ComponentType;
}

export const ROUTES: readonly AppRoute[] = [
  { id: 'overview', label: 'Overview', Icon: OverviewIcon, Page: OverviewPage },
];

const DEFAULT_ROUTE = ROUTES[0] as AppRoute;

/** Unknown or empty ids fall back to the first area, so old bookmarks still land somewhere useful. */
export function findRoute(id: string): AppRoute {
  return ROUTES.find((route) => route.id === id) ?? DEFAULT_ROUTE;
}
