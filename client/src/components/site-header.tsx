import Link from 'next/link';

import type { User } from '@/lib/api/types';
import { DOOR, hasRole, SUPPORT } from '@/lib/roles';

import { Icon } from './icon';
import { SignOutButton } from './sign-out-button';

export function SiteHeader({ user }: { user: User | null }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            <Icon name="ticket" />
          </span>
          Ticketing
        </Link>
        <nav className="nav" aria-label="Main">
          <Link href="/">Browse</Link>
          <Link href="/sell">Sell a ticket</Link>
          {user && <Link href="/tickets/mine">My tickets</Link>}
          {user && <Link href="/orders">My orders</Link>}
          {user && <Link href="/listings">My listings</Link>}
          {user && <Link href="/earnings">Earnings</Link>}
          {hasRole(user, DOOR) && <Link href="/door">Door</Link>}
          {hasRole(user, SUPPORT) && <Link href="/support">Support</Link>}
        </nav>
        <div className="account">
          {user ? (
            <>
              <span className="account__email" data-testid="current-user">
                <BreakableEmail email={user.email} />
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/signin">Sign in</Link>
              <Link href="/signup" className="button button--small">
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

/** An address that may wrap after its `@` rather than anywhere, when it is long. */
function BreakableEmail({ email }: { email: string }) {
  const at = email.lastIndexOf('@');
  if (at < 0) {
    return <>{email}</>;
  }
  return (
    <>
      {email.slice(0, at + 1)}
      <wbr />
      {email.slice(at + 1)}
    </>
  );
}
