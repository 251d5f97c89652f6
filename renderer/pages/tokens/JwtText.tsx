// A compact JWT, its three parts told apart by colour the way jwt.io shows them.
import { Fragment, type ReactNode } from 'react';

const PART_CLASSES = ['jwt__header', 'jwt__payload', 'jwt__signature'];

export function JwtText({ token, label }: { token: string; label: string }): ReactNode {
  return (
    // Focusable because it scrolls: keyboard users can reach the whole token.
    <pre className="jwt" aria-label={label} tabIndex={0}>
      {token.split('.').map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <span className="jwt__dot">.</span> : null}
          <span className={PART_CLASSES[index] ?? 'jwt__signature'}>{part}</span>
        </Fragment>
      ))}
    </pre>
  );
}
