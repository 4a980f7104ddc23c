import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="panel panel--narrow" data-testid="not-found">
      <h1>Page not found</h1>
      <p className="muted">
        There is no ticket, order or page at this address. It may have been removed, or the link is
        mistyped.
      </p>
      <Link className="button" href="/">
        Browse tickets
      </Link>
    </div>
  );
}
