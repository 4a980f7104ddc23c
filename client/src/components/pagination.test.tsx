import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { Pagination } from './pagination';

afterEach(cleanup);

const href = (page: number) => `/?q=jazz&page=${page}`;

describe('Pagination', () => {
  it.each([0, 1])('renders nothing for %i page(s)', (totalPages) => {
    const { container } = render(<Pagination page={0} totalPages={totalPages} href={href} />);

    expect(container.innerHTML).toBe('');
  });

  it('offers only the next page on the first page', () => {
    render(<Pagination page={0} totalPages={3} href={href} />);

    expect(screen.getByRole('navigation', { name: 'Pages' }).textContent).toContain('Page 1 of 3');
    expect(screen.queryByRole('link', { name: '← Previous' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Next →' }).getAttribute('href')).toBe(
      '/?q=jazz&page=1',
    );
  });

  it('offers both neighbours in the middle', () => {
    render(<Pagination page={1} totalPages={3} href={href} />);

    expect(screen.getByText('Page 2 of 3')).toBeDefined();
    expect(screen.getByRole('link', { name: '← Previous' }).getAttribute('href')).toBe(
      '/?q=jazz&page=0',
    );
    expect(screen.getByRole('link', { name: 'Next →' }).getAttribute('href')).toBe(
      '/?q=jazz&page=2',
    );
  });

  it('offers only the previous page on the last page', () => {
    render(<Pagination page={2} totalPages={3} href={href} />);

    expect(screen.getByText('Page 3 of 3')).toBeDefined();
    expect(screen.getByRole('link', { name: '← Previous' }).getAttribute('href')).toBe(
      '/?q=jazz&page=1',
    );
    expect(screen.queryByRole('link', { name: 'Next →' })).toBeNull();
  });

  it('offers the next page past the last one counted while more follow', () => {
    render(<Pagination page={49} totalPages={50} more href={href} />);

    expect(screen.getByText('Page 50 of 50+')).toBeDefined();
    expect(screen.getByRole('link', { name: '← Previous' }).getAttribute('href')).toBe(
      '/?q=jazz&page=48',
    );
    expect(screen.getByRole('link', { name: 'Next →' }).getAttribute('href')).toBe(
      '/?q=jazz&page=50',
    );
  });

  it('offers the next page from a single counted page while more follow', () => {
    render(<Pagination page={0} totalPages={1} more href={href} />);

    expect(screen.getByText('Page 1 of 1+')).toBeDefined();
    expect(screen.getByRole('link', { name: 'Next →' }).getAttribute('href')).toBe(
      '/?q=jazz&page=1',
    );
  });
});
