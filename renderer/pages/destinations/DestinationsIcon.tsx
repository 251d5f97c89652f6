// The side-navigation icon of the Destinations area: a signpost.
import type { ReactNode } from 'react';

export function DestinationsIcon(): ReactNode {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M12 3v18M9 21h6" />
      <path d="M5 6h11l3 2.5L16 11H5zM19 13H8l-3 2.5L8 18h11z" />
    </svg>
  );
}
