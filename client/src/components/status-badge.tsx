const LABELS: Record<string, string> = {
  available: 'Available',
  reserved: 'Reserved',
  sold: 'Sold',
  withdrawn: 'Withdrawn',
  created: 'Awaiting payment',
  cancelled: 'Cancelled',
  complete: 'Complete',
  succeeded: 'Paid',
  refunded: 'Refunded',
  // A pass (DESIGN §2).
  valid: 'Valid',
  listed: 'Listed for resale',
  used: 'Used',
  void: 'Void',
  // A payout (DESIGN §2).
  pending: 'Pending',
  paid: 'Paid',
  failed: 'Failed',
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge badge--${status}`} data-testid="status">
      {LABELS[status] ?? status}
    </span>
  );
}
