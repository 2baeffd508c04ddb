const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

/** A timestamp as shown in tables (UTC, so server and browser agree). */
export function formatDateTime(value: Date | null): string {
  return value === null ? "—" : `${dateTime.format(value)} UTC`;
}
