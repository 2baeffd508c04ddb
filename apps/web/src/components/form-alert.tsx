/** The error box at the top of a form; announced to screen readers when it appears. */
export function FormAlert({ message }: { message: string | undefined }) {
  if (message === undefined) return null;
  return (
    <div
      role="alert"
      className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200 ring-inset"
    >
      {message}
    </div>
  );
}
