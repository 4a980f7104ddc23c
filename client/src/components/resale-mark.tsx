/** Marks a listing that resells a ticket bought here (`resoldFrom` is set). */
export function ResaleMark() {
  return (
    <span className="badge badge--resale" data-testid="resale-mark" title="Resold by a buyer">
      Resale
    </span>
  );
}
