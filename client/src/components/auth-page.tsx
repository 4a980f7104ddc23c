import { redirect } from 'next/navigation';

import { currentUser } from '@/lib/api/server';
import { safeNext } from '@/lib/navigation';

import { AuthForm } from './auth-form';

const TEXT = {
  signin: { heading: 'Sign in', lead: 'Welcome back.' },
  signup: { heading: 'Create an account', lead: 'Buy and sell tickets in minutes.' },
} as const;

/**
 * The sign-in and sign-up pages: someone already signed in goes straight on to `next`, which is
 * only ever a path on this site.
 */
export async function AuthPage({
  mode,
  searchParams,
}: {
  mode: 'signin' | 'signup';
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = safeNext((await searchParams).next);
  if (await currentUser()) {
    redirect(next);
  }
  return (
    <section className="panel panel--narrow">
      <h1>{TEXT[mode].heading}</h1>
      <p className="muted">{TEXT[mode].lead}</p>
      <AuthForm mode={mode} next={next} />
    </section>
  );
}
