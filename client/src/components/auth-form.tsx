'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

import { api } from '@/lib/api/browser';
import { ApiError } from '@/lib/api/problem';
import { formErrors, messageFor } from '@/lib/messages';
import { rememberSignedIn } from '@/lib/session';
import { validateSignin, validateSignup, type FieldErrors } from '@/lib/validation';

import { Field } from './field';

const FIELDS = ['email', 'password'];

interface Props {
  mode: 'signin' | 'signup';
  /** Where to go afterwards: a path on this site. */
  next: string;
}

export function AuthForm({ mode, next }: Props) {
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signup = mode === 'signup';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found = signup ? validateSignup(email, password) : validateSignin(email, password);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    setBusy(true);
    try {
      await (signup ? api.signup(email.trim(), password) : api.signin(email.trim(), password));
      rememberSignedIn(true);
      router.push(next);
      router.refresh();
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.code === 'email_in_use') {
        setErrors({ email: messageFor(error) });
        return;
      }
      const shown = formErrors(error, FIELDS);
      setErrors(shown.errors);
      setFailure(shown.failure);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      {failure && (
        <div className="notice notice--error" role="alert" data-testid="form-error">
          {failure}
        </div>
      )}
      <Field id="email" label="Email" error={errors.email}>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={Boolean(errors.email)}
          aria-describedby={errors.email ? 'email-error' : undefined}
        />
      </Field>
      <Field
        id="password"
        label="Password"
        error={errors.password}
        hint={signup ? 'At least 8 characters.' : undefined}
      >
        <input
          id="password"
          name="password"
          type="password"
          autoComplete={signup ? 'new-password' : 'current-password'}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={Boolean(errors.password)}
          aria-describedby={errors.password ? 'password-error' : undefined}
        />
      </Field>
      <button className="button button--wide" type="submit" disabled={busy}>
        {busy ? 'Please wait…' : signup ? 'Create account' : 'Sign in'}
      </button>
      <p className="muted">
        {signup ? (
          <>
            Already have an account?{' '}
            <Link href={`/signin?next=${encodeURIComponent(next)}`}>Sign in</Link>
          </>
        ) : (
          <>
            New here?{' '}
            <Link href={`/signup?next=${encodeURIComponent(next)}`}>Create an account</Link>
          </>
        )}
      </p>
    </form>
  );
}
