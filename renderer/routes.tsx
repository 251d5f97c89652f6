// The product areas. The side navigation and the router are both built from this table, so a new
// area is one entry here. Only areas that exist are listed.
import type { ComponentType, ReactNode } from 'react';
import {
  BindingsIcon,
  CloudConnectorIcon,
  DestinationsIcon,
  OverviewIcon,
  RecordingsIcon,
  SystemsIcon,
  TokensIcon,
  TrafficIcon,
} from './components/icons.js';
import { BindingsPage } from './pages/bindings/BindingsPage.js';
import { CloudConnectorPage } from './pages/cloud-connector/CloudConnectorPage.js';
import { DestinationsPage } from './pages/destinations/DestinationsPage.js';
import { OverviewPage } from './pages/overview/OverviewPage.js';
import { RecordingsPage } from './pages/recordings/RecordingsPage.js';
import { SystemsPage } from './pages/systems/SystemsPage.js';
import { TokensPage } from './pages/tokens/TokensPage.js';
import { TrafficPage } from './pages/traffic/TrafficPage.js';

export interface AppRoute {
  /** The hash segment: `#/<id>`. */
  id: string;
  label: string;
  Icon: () => ReactNode;
  Page: ComponentType;
}

export const ROUTES: readonly AppRoute[] = [
  { id: 'overview', label: 'Overview', Icon: OverviewIcon, Page: OverviewPage },
  { id: 'bindings', label: 'Bindings', Icon: BindingsIcon, Page: BindingsPage },
  { id: 'tokens', label: 'Tokens', Icon: TokensIcon, Page: TokensPage },
  { id: 'destinations', label: 'Destinations', Icon: DestinationsIcon, Page: DestinationsPage },
  { id: 'cloud-connector', label: 'Cloud Connector', Icon: CloudConnectorIcon, Page: CloudConnectorPage },
  { id: 'traffic', label: 'Traffic', Icon: TrafficIcon, Page: TrafficPage },
  { id: 'systems', label: 'Systems', Icon: SystemsIcon, Page: SystemsPage },
  { id: 'recordings', label: 'Recordings', Icon: RecordingsIcon, Page: RecordingsPage },
];

const DEFAULT_ROUTE = ROUTES[0] as AppRoute;

/** Unknown or empty ids fall back to the first area, so old bookmarks still land somewhere useful. */
export function findRoute(id: string): AppRoute {
  return ROUTES.find((route) => route.id === id) ?? DEFAULT_ROUTE;
}
