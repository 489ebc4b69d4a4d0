// Helpers for the end-to-end specs on a shared register (issue 15): a PostgreSQL database of a
// spec's own on the test server (scripts/test-postgres.sh's OGONBLICK_TEST_POSTGRES), its data and
// config folders, and the desktop started on it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import { cli, startApp, tempDataDir } from "./lib.mjs";

/** The PostgreSQL server of the tests (scripts/test-postgres.sh), or "" (the specs that need it skip). */
export const testPostgres = process.env.OGONBLICK_TEST_POSTGRES ?? "";
/** A `describe`'s `skip` for a spec on PostgreSQL. */
export const withoutPostgres = testPostgres === "" && "OGONBLICK_TEST_POSTGRES is not set";

/** Runs one statement on the test server as its superuser (its notices kept off the report). */
export function psql(statement) {
  execFileSync("psql", [testPostgres, "-q", "-c", statement], { stdio: ["ignore", "ignore", "pipe"] });
}

/** `url` with `user` as its user name (the person a connection is on PostgreSQL). */
export function asUser(url, user) {
  const u = new URL(url);
  u.username = user;
  return u.toString();
}

/**
 * A shared register of a spec's own: a new database `ogonblick_e2e_<tag>_<pid>` on the test
 * server (owned by `owner`, a role made for it, when given; else by the server's superuser), a
 * fresh data folder and a config folder of its own (no saved address of the tester's). `env`
 * puts the CLI or the app on it as the owner; `cli(args)` runs the CLI so. `remove()` drops the
 * database (and `roles`, the PostgreSQL roles the spec made) and the folders; call it in `after`.
 */
export function postgresRegister(tag, { owner, roles = [] } = {}) {
  const name = `ogonblick_e2e_${tag}_${process.pid}`;
  psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  if (owner) {
    psql(`DROP ROLE IF EXISTS ${owner}`);
    psql(`CREATE ROLE ${owner} LOGIN CREATEROLE`);
  }
  psql(`CREATE DATABASE ${name}${owner ? ` OWNER ${owner}` : ""}`);
  const server = new URL(testPostgres);
  server.pathname = `/${name}`;
  const url = owner ? asUser(server.toString(), owner) : server.toString();
  const data = tempDataDir(`ogonblick-e2e-${tag}-`);
  const config = mkdtempSync(join(tmpdir(), "ogonblick-e2e-config-"));
  const env = { OGONBLICK_DATABASE: url, OGONBLICK_CONFIG_DIR: config };
  return {
    name,
    url,
    data,
    env,
    cli: (args, opts = {}) => cli(data.dir, args, { ...opts, env: { ...env, ...opts.env } }),
    remove() {
      data.cleanup();
      rmSync(config, { recursive: true, force: true });
      psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      // The register's group roles (README: named after the database) and the spec's own.
      const groups = ["handlaggare", "arkivarie", "chef", "administrator"].map((g) => `${name}_${g}`);
      for (const role of [...groups, ...roles, ...(owner ? [owner] : [])]) psql(`DROP ROLE IF EXISTS ${role}`);
    },
  };
}

/**
 * The desktop on a shared register, as `before`/`after` hooks of the enclosing `describe`:
 * `postgresRegister(tag)`, `prepare(ctx)` for the CLI's set-up (`ctx.register.cli`), then the
 * app on its data folder and database with `env(ctx)`. Returns `ctx`, filled in by `before`:
 * {register, app, browser}.
 */
export function appOnPostgres({ tag, prepare = async () => {}, env = () => ({}) }) {
  const ctx = {};
  before(async () => {
    ctx.register = postgresRegister(tag);
    await prepare(ctx);
    ctx.app = await startApp({ OGONBLICK_DATA_DIR: ctx.register.data.dir, ...ctx.register.env, ...env(ctx) });
    ctx.browser = ctx.app.browser;
  });
  after(async () => {
    await ctx.app?.close();
    ctx.register?.remove();
  });
  return ctx;
}
