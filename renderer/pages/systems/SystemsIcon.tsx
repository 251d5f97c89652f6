// The side-navigation icon of the Systems area: a stack of servers.
import type { ReactNode } from 'react';

export function SystemsIcon(): ReactNode {
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
      <path d="M4 4h16v6H4zM4 14h16v6H4zM8 7h.01M8 17h.01" />
    </svg>
  );
}
