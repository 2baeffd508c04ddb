// The MCP SDK's StreamableHTTPClientTransport hands one AbortSignal (its own, for the whole session)
// to every fetch; Node's fetch (undici) adds an abort listener to it per request and drops that
// listener only when the request is garbage-collected, so a busy session piles up thousands of them
// ("MaxListenersExceededWarning: … abort listeners added to [AbortSignal]"). This fetch gives each
// POST a signal of its own, tied to the session's until the response has arrived; GET streams keep
// the session's signal, which is what ends them on close.
export const isolatingFetch: typeof fetch = async (input, init) => {
  const shared = init?.signal;
  if (shared == null || (init?.method ?? "GET").toUpperCase() === "GET") return fetch(input, init);
  const own = new AbortController();
  const abort = () => own.abort(shared.reason);
  if (shared.aborted) abort();
  else shared.addEventListener("abort", abort, { once: true });
  try {
    return await fetch(input, { ...init, signal: own.signal });
  } finally {
    shared.removeEventListener("abort", abort);
  }
};
