import Link from 'next/link';

interface Props {
  page: number;
  totalPages: number;
  /** Whether pages follow `totalPages`: the list's count stopped there (ADR 18). */
  more?: boolean;
  /** The address of another page, keeping the other query parameters. */
  href: (page: number) => string;
}

export function Pagination({ page, totalPages, more = false, href }: Props) {
  if (totalPages <= 1 && !more) {
    return null;
  }
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 0 ? (
        <Link className="button button--secondary button--small" href={href(page - 1)}>
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      <span className="muted">
        Page {page + 1} of {totalPages}
        {more && '+'}
      </span>
      {page + 1 < totalPages || more ? (
        <Link className="button button--secondary button--small" href={href(page + 1)}>
          Next →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
