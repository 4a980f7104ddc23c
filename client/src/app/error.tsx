'use client';

import Link from 'next/link';
import { useEffect } from 'react';

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="panel panel--narrow" data-testid="error-page">
      <h1>Something went wrong</h1>
      <p className="muted">
        We could not load this page. Please try again in a moment.
        {error.digest && <> (Reference: {error.digest})</>}
      </p>
      <div className="actions">
        <button className="button" type="button" onClick={reset}>
          Try again
        </button>
        <Link className="button button--secondary" href="/">
          Browse tickets
        </Link>
      </div>
    </div>
  );
}
