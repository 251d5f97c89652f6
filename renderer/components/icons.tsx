// Inline SVG icons: no icon font or external sprite, which the CSP (img/style from 'self') would complicate.
import type { ReactNode } from 'react';

function Svg({ children, className }: { children: ReactNode; className?: string }): ReactNode {
  return (
    <svg
      className={className ?? 'icon'}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export function LogoMark(): ReactNode {
  return (
    <svg className="logo-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" className="logo-mark__bg" />
      <path
        d="M9 21.5a5 5 0 0 1 .6-9.96A7 7 0 0 1 23 13a4.5 4.5 0 0 1-.5 8.98Z"
        className="logo-mark__cloud"
      />
      <path d="M13 17.5h6m-2.5-2.5 2.5 2.5-2.5 2.5" className="logo-mark__arrow" />
    </svg>
  );
}

export function OverviewIcon(): ReactNode {
  return (
    <Svg>
      <rect x="3.5" y="3.5" width="7" height="7" rx="1.5" />
      <rect x="13.5" y="3.5" width="7" height="7" rx="1.5" />
      <rect x="3.5" y="13.5" width="7" height="7" rx="1.5" />
      <rect x="13.5" y="13.5" width="7" height="7" rx="1.5" />
    </Svg>
  );
}

export function CopyIcon(): ReactNode {
  return (
    <Svg>
      <rect x="8.5" y="8.5" width="11" height="11" rx="2" />
      <path d="M15.5 8.5V6a1.5 1.5 0 0 0-1.5-1.5H6A1.5 1.5 0 0 0 4.5 6v8A1.5 1.5 0 0 0 6 15.5h2.5" />
    </Svg>
  );
}

export function CheckIcon(): ReactNode {
  return (
    <Svg>
      <path d="m5 12.5 4.5 4.5L19 7.5" />
    </Svg>
  );
}

export function AlertIcon(): ReactNode {
  return (
    <Svg className="icon icon--lg">
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7.5v5.5M12 16.5v.01" />
    </Svg>
  );
}

export function LockIcon(): ReactNode {
  return (
    <Svg className="icon icon--lg">
      <rect x="5" y="10.5" width="14" height="10" rx="2" />
      <path d="M8 10.5V8a4 4 0 0 1 8 0v2.5" />
    </Svg>
  );
}

export function PowerIcon(): ReactNode {
  return (
    <Svg className="icon icon--lg">
      <path d="M12 3.5v8M7 6.5a7 7 0 1 0 10 0" />
    </Svg>
  );
}
