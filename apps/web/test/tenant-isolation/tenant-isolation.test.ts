// Tenant isolation, generated: every server action and route handler under src/app is called by an
// admin of tenant B with tenant A's ids. Each must answer "not found", return nothing of A's, and
// leave A's rows as they were. Actions and routes are discovered by scanning the files, so a new
// one fails this suite until it is registered in isolation-registry.ts.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { apiDb, callApi, type Handler } from "../../src/server/api/test-support/api-test-kit";
import { AppError } from "../../src/server/app-error";
import { userMessage } from "../../src/server/errors";
import { type IsolationFixture, isolationFixture, tenantASnapshot } from "./isolation-fixture";
import { actionCases, publicRoutes, routeBodies, routeQueries } from "./isolation-registry";

const session = vi.hoisted(() => ({
  identity: null as null | { userId: string; email: string; tenantId: string },
}));
const updateSession = vi.hoisted(() => vi.fn());

// The signed-in user is tenant B's admin; everything after auth() (membership, role, queries) is real.
vi.mock("@/auth", () => ({
  auth: async () => (session.identity === null ? null : { identity: session.identity }),
  signIn: vi.fn(),
  signOut: vi.fn(),
  updateSession,
  handlers: { GET: vi.fn(), POST: vi.fn() },
}));
// Outside a Next request there is no cache to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const appDir = join(import.meta.dirname, "../../src/app");
const notFound = userMessage(new AppError("not_found", "x"));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files = walk(appDir).map((path) => ({ path, rel: relative(appDir, path).replaceAll("\\", "/") }));
const actions = files
  .filter((file) => /^["']use server["']/.test(readFileSync(file.path, "utf8")))
  .flatMap((file) =>
    [...readFileSync(file.path, "utf8").matchAll(/export async function (\w+)/g)].map((match) => ({
      ...file,
      name: match[1] ?? "",
      key: `${file.rel}#${match[1]}`,
    })),
  );
const routes = files
  .filter((file) => file.rel.endsWith("/route.ts"))
  .flatMap((file) =>
    [
      ...readFileSync(file.path, "utf8").matchAll(
        /export (?:const|async function) (GET|POST|PATCH|PUT|DELETE)\b/g,
      ),
    ].map((match) => ({ ...file, method: match[1] ?? "GET" })),
  );

let fx: IsolationFixture;
let before: string;
const db = apiDb();

beforeAll(async () => {
  fx = await isolationFixture(db);
  const b = await db.user.findUniqueOrThrow({ where: { id: fx.b.userId } });
  session.identity = { userId: b.id, email: b.email, tenantId: fx.b.tenantId };
  before = await tenantASnapshot(db, fx);
});
afterAll(() => db.$disconnect());

function expectNothingOfA(value: unknown) {
  const text = JSON.stringify(value) ?? "";
  for (const secret of fx.secrets) expect(text, `leaked ${secret}`).not.toContain(secret);
}

describe("the scan finds what it should", () => {
  it("finds the server actions and route handlers", () => {
    expect(actions.length).toBeGreaterThanOrEqual(20);
    expect(routes.length).toBeGreaterThanOrEqual(20);
  });

  it("has every server action registered, and nothing registered that no longer exists", () => {
    expect(actions.map((action) => action.key).sort()).toEqual(Object.keys(actionCases).sort());
  });
});

describe("server actions called by tenant B with tenant A's ids", () => {
  for (const action of actions) {
    it(action.key, async () => {
      const spec = actionCases[action.key];
      if (spec === undefined) throw new Error(`${action.key} is not registered in isolation-registry.ts`);
      if (spec.kind === "no-foreign-ids") {
        // The exemption must stay true: the action reads no *Id field from its caller.
        const source = readFileSync(action.path, "utf8");
        const body = source.slice(source.indexOf(`function ${action.name}`)).split(/\nexport /)[0] ?? "";
        expect(body).not.toMatch(/(formData\.get|input)\(?["']?\w*Id["']?\)?/);
        expect(spec.reason.length).toBeGreaterThan(5);
        return;
      }
      const module: Record<string, unknown> = await import(action.path);
      const fn = module[action.name];
      if (typeof fn !== "function") throw new Error(`${action.key} is not a function`);
      updateSession.mockClear();
      let outcome: unknown;
      if (spec.kind === "form") {
        const form = new FormData();
        for (const [name, value] of Object.entries(spec.fields(fx))) form.set(name, value);
        outcome = await Promise.resolve(fn.length >= 2 ? fn({}, form) : fn(form)).catch(
          (error: unknown) => error,
        );
      } else {
        outcome = await Promise.resolve(fn(spec.input(fx))).catch((error: unknown) => error);
      }
      if (action.name === "switchOrganisationAction") {
        // Switching into an organisation one is not a member of is ignored.
        expect(updateSession).not.toHaveBeenCalled();
      } else {
        expect(outcome, JSON.stringify(outcome)).toMatchObject({ error: notFound });
      }
      expectNothingOfA(outcome);
      expect(await tenantASnapshot(db, fx)).toBe(before);
    });
  }
});

function apiPath(rel: string, fxIds: IsolationFixture["ids"]) {
  const template = `/${rel.replace(/^api\/v1\//, "").replace(/\/route\.ts$/, "")}`.replace(
    /\[(\w+)\]/g,
    "{$1}",
  );
  const params: Record<string, string> = {};
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = (fxIds as Record<string, string>)[name];
    if (value === undefined) throw new Error(`no fixture id for {${name}} in ${rel}`);
    params[name] = value;
    return encodeURIComponent(value);
  });
  return { template, path, params };
}

describe("route handlers called by tenant B with tenant A's ids", () => {
  for (const route of routes) {
    it(`${route.method} ${route.rel}`, async () => {
      if (route.rel in publicRoutes) {
        expect(readFileSync(route.path, "utf8")).not.toMatch(/params|searchParams/);
        return;
      }
      const module: Record<string, unknown> = await import(route.path);
      const handler = module[route.method] as Handler;
      let status: number;
      let body: unknown;
      let template: string;
      let params: Record<string, string>;
      if (route.rel.startsWith("api/v1/")) {
        ({ template, params } = apiPath(route.rel, fx.ids));
        const { path } = apiPath(route.rel, fx.ids);
        const makeBody = routeBodies[`${route.method} ${template}`];
        ({ status, body } = await callApi(handler, {
          path: `${path}${routeQueries[`${route.method} ${template}`] ?? ""}`,
          method: route.method,
          key: fx.b.keys.admin,
          params,
          ...(makeBody === undefined ? {} : { body: makeBody(fx) }),
        }));
      } else {
        // Dashboard route handlers authenticate by session cookie (auth() is tenant B here).
        template = `/${route.rel.replace(/^\(app\)\//, "").replace(/\/route\.ts$/, "")}`;
        params = {};
        const url = `http://localhost${template}?after=0.x&server=${fx.ids.serverId}&grant=${fx.ids.grantId}`;
        const response = await handler(new Request(url), { params: Promise.resolve(undefined) });
        status = response.status;
        body = await response.json();
      }
      const takesForeignId =
        Object.keys(params).length > 0 || `${route.method} ${template}` === "POST /grants";
      if (takesForeignId) expect(status, JSON.stringify(body)).toBe(404);
      else expect(status, JSON.stringify(body)).toBeLessThan(500);
      expectNothingOfA(body);
      expect(await tenantASnapshot(db, fx)).toBe(before);
    });
  }
});
