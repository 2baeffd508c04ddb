// The burst of bench/burst-floor.ts, in a process of its own (as another client machine would be): at
// <startAtMs> (epoch ms) it fires <count> POSTs at once with fetch, half to /hold (kept open) and half
// answered, then prints "answered <n>" once the answered half is in, and stays until killed.
//   node --import tsx bench/support/burst-client.ts <base URL> <count> <startAtMs>
const [base, countText, startAtText] = process.argv.slice(2);
if (base === undefined || countText === undefined || startAtText === undefined) {
  throw new Error("usage: burst-client.ts <base URL> <count> <startAtMs>");
}
const count = Number(countText);
const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "echo" } });
const headers = { "content-type": "application/json", accept: "application/json, text/event-stream" };

console.error("ready");
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAtText) - Date.now())));
let answered = 0;
const fire = (path: string) => fetch(`${base}${path}`, { method: "POST", headers, body });
for (let i = 0; i < count; i++) {
  if (i % 2 === 0) {
    fire("/hold").catch(() => {});
  } else {
    fire("/answer").then(
      async (response) => {
        await response.text();
        answered += 1;
        if (answered === count / 2) console.error(`answered ${answered}`);
      },
      () => {},
    );
  }
}
setInterval(() => {}, 60_000);
