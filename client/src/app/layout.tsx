import type { Metadata } from 'next';
import type { ReactNode } from 'react';

import { SessionKeeper } from '@/components/session-keeper';
import { SiteHeader } from '@/components/site-header';
import { currentUser, sessionToken } from '@/lib/api/server';
import { tokenTimes } from '@/lib/session';

import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Ticketing — buy and sell tickets', template: '%s · Ticketing' },
  description: 'A marketplace for reselling event tickets, safely and at face value.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  const times = user ? tokenTimes(await sessionToken()) : null;
  return (
    <html lang="en">
      <body>
        <SiteHeader user={user} />
        <SessionKeeper
          signedIn={user !== null}
          expiresAt={times?.expiresAt ?? null}
          lifetimeMs={times ? times.expiresAt - times.issuedAt : null}
        />
        <main>{children}</main>
        <footer className="site-footer">
          Ticketing — tickets resold at fair prices. Payments in this environment are simulated.
        </footer>
      </body>
    </html>
  );
}
