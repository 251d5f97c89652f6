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

export function BindingsIcon(): ReactNode {
  return (
    <Svg>
      <path d="M10 14a4 4 0 0 0 5.66 0l3.17-3.17a4 4 0 0 0-5.66-5.66L11.5 6.83" />
      <path d="M14 10a4 4 0 0 0-5.66 0l-3.17 3.17a4 4 0 0 0 5.66 5.66l1.67-1.66" />
    </Svg>
  );
}

export function TokensIcon(): ReactNode {
  return (
    <Svg>
      <circle cx="8" cy="15" r="4.5" />
      <path d="m11.3 11.7 8.2-8.2M16.5 6.5l2.5 2.5M14 9l2 2" />
    </Svg>
  );
}

export function EyeIcon(): ReactNode {
  return (
    <Svg>
      <path d="M2.5 12s3.5-6.5 9.5-6.5 9.5 6.5 9.5 6.5-3.5 6.5-9.5 6.5S2.5 12 2.5 12Z" />
      <circle cx="12" cy="12" r="2.8" />
    </Svg>
  );
}

export function EyeOffIcon(): ReactNode {
  return (
    <Svg>
      <path d="M9.9 5.7A9.8 9.8 0 0 1 12 5.5c6 0 9.5 6.5 9.5 6.5a16 16 0 0 1-2.6 3.4M6.3 7.4A15.6 15.6 0 0 0 2.5 12s3.5 6.5 9.5 6.5a9.5 9.5 0 0 0 4.6-1.2" />
      <path d="M9.9 10a2.8 2.8 0 0 0 4 4M3.5 3.5l17 17" />
    </Svg>
  );
}

export function DownloadIcon(): ReactNode {
  return (
    <Svg>
      <path d="M12 4v11m-4.5-4.5L12 15l4.5-4.5M5 19.5h14" />
    </Svg>
  );
}

export function RotateIcon(): ReactNode {
  return (
    <Svg>
      <path d="M19.5 12a7.5 7.5 0 1 1-2.2-5.3M19.5 4.5v4h-4" />
    </Svg>
  );
}

export function ShieldCheckIcon(): ReactNode {
  return (
    <Svg className="icon icon--lg">
      <path d="M12 3 5 6v5.5c0 4.3 3 8 7 9.5 4-1.5 7-5.2 7-9.5V6Z" />
      <path d="m9 12 2.2 2.2L15.5 10" />
    </Svg>
  );
}

export function ShieldAlertIcon(): ReactNode {
  return (
    <Svg className="icon icon--lg">
      <path d="M12 3 5 6v5.5c0 4.3 3 8 7 9.5 4-1.5 7-5.2 7-9.5V6Z" />
      <path d="M12 8v4.5M12 15.5v.01" />
    </Svg>
  );
}

export function DestinationsIcon(): ReactNode {
  return (
    <Svg>
      <path d="M12 3v18M9 21h6" />
      <path d="M5 6h11l3 2.5L16 11H5zM19 13H8l-3 2.5L8 18h11z" />
    </Svg>
  );
}

export function CloudConnectorIcon(): ReactNode {
  return (
    <Svg>
      <path d="M9 3v5M15 3v5M6 8h12v3a6 6 0 0 1-12 0zM12 17v4" />
    </Svg>
  );
}

export function TrafficIcon(): ReactNode {
  return (
    <Svg>
      <path d="M4 8h13l-3-3M20 16H7l3 3" />
    </Svg>
  );
}

export function RecordingsIcon(): ReactNode {
  return (
    <Svg>
      <circle cx="12" cy="12" r="8.5" />
      <circle cx="12" cy="12" r="3.5" />
    </Svg>
  );
}

export function SystemsIcon(): ReactNode {
  return (
    <Svg>
      <path d="M4 4h16v6H4zM4 14h16v6H4zM8 7h.01M8 17h.01" />
    </Svg>
  );
}
