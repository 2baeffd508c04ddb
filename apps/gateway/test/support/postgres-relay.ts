import type { AddressInfo } from "node:net";
import { connect, createServer, type Server, type Socket } from "node:net";
import { testEnv } from "./test-env";

export type PostgresRelay = {
  /** The test database's URL, through the relay. */
  url: string;
  /** Accepts connections again and relays them to the real Postgres. */
  start(): Promise<void>;
  /** A real outage: refuses new connections and cuts every open one (pooled and listening ones too). */
  stop(): Promise<void>;
};

/** A TCP relay to the real Postgres that can be cut and restored, to make an outage without stopping the server. */
export async function startPostgresRelay(): Promise<PostgresRelay> {
  const target = new URL(testEnv.databaseUrl);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const listen = (port: number) =>
    new Promise<Server>((resolve) => {
      const relay = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        sockets.add(client);
        sockets.add(upstream);
        client.pipe(upstream).pipe(client);
        const cut = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on("error", cut);
        upstream.on("error", cut);
        client.on("close", cut);
        upstream.on("close", cut);
      });
      relay.listen(port, "127.0.0.1", () => resolve(relay));
    });
  server = await listen(0);
  const { port } = server.address() as AddressInfo;
  const url = new URL(testEnv.databaseUrl);
  url.host = `127.0.0.1:${port}`;
  return {
    url: url.toString(),
    async start() {
      if (server === undefined) server = await listen(port);
    },
    async stop() {
      const closing = server;
      server = undefined;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      await new Promise((resolve) => (closing === undefined ? resolve(undefined) : closing.close(resolve)));
    },
  };
}
