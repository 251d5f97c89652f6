import type { ReactNode } from 'react';
import type { AppRoute } from '../routes.js';
import { routeHref } from '../routing/use-hash-route.js';

interface SideNavProps {
  routes: readonly AppRoute[];
  activeId: string;
}

export function SideNav({ routes, activeId }: SideNavProps): ReactNode {
  return (
    <nav className="side-nav" aria-label="Product areas">
      <ul>
        {routes.map(({ id, label, Icon }) => (
          <li key={id}>
            <a
              className="side-nav__link"
              href={routeHref(id)}
              aria-current={id === activeId ? 'page' : undefined}
            >
              <Icon />
              <span>{label}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
