/** What a page says in place of what a service could not give it just now. */
export function UnavailableNotice({ what }: { what: string }) {
  return (
    <div className="notice notice--warn" role="status" data-testid="unavailable">
      {what} can’t be shown right now: part of Ticketing is not answering. Please try again in a
      moment.
    </div>
  );
}
