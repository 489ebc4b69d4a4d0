// Helpers for the end-to-end specs on a shared register (issue 15): a PostgreSQL database of a
// spec's own on the test server (scripts/test-postgres.sh's OGONBLICK_TEST_POSTGRES), its data and
// config folders, and the desktop started on it.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import { cli, startApp, tempDataDir } from "./lib.mjs";

/** The PostgreSQL server of the tests (scripts/test-postgres.sh), or "" (the specs that need it skip). */
export const testPostgres = process.env.OGONBLICK_TEST_POSTGRES ?? "";
/** A `describe`'s `skip` for a spec on PostgreSQL. */
export const withoutPostgres = testPostgres === "" && "OGONBLICK_TEST_POSTGRES is not set";

/**
 * This run's tag (process id and a random part) for what a spec makes on the test server: the
 * server's logins are cluster-wide, so a spec's `anna` would be every database's `anna` (a
 * developer's real one included) and another run's at the same time.
 */
export const runTag = `${process.pid}_${randomBytes(3).toString("hex")}`;

/** A login of this run's own: `name` with the run's tag (`anna_1234_a1b2c3`). */
export function testLogin(name) {
  return `${name}_${runTag}`;
}

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
 * A shared register of a spec's own: a new database `ogonblick_e2e_<tag>_<run tag>` on the test
 * server (owned by `owner`, a role made for it, when given, named with `testLogin`; else by the
 * server's superuser), a fresh data folder and a config folder of its own (no saved address of
 * the tester's). `env` puts the CLI or the app on it as the owner; `cli(args)` runs the CLI so.
 * `remove()` drops the database (and `roles`, the PostgreSQL roles the spec made, each named
 * with `testLogin`) and the folders, every one tried, and then throws naming all that failed;
 * call it in `after`.
 */
export function postgresRegister(tag, { owner, roles = [] } = {}) {
  for (const role of [...roles, ...(owner ? [owner] : [])]) {
    if (!role.endsWith(`_${runTag}`)) throw new Error(`postgresRegister: the login ${role} is not testLogin's`);
  }
  const name = `ogonblick_e2e_${tag}_${runTag}`;
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
      const failed = [];
      const attempt = (what, undo) => {
        try {
          undo();
        } catch (e) {
          failed.push(`${what}: ${e.stderr?.toString().trim() || e.message}`);
        }
      };
      attempt("the data folder", () => data.cleanup());
      attempt("the config folder", () => rmSync(config, { recursive: true, force: true }));
      attempt(`the database ${name}`, () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      // The register's group roles (README: named after the database) and the spec's own.
      const groups = ["handlaggare", "arkivarie", "chef", "administrator"].map((g) => `${name}_${g}`);
      for (const role of [...groups, ...roles, ...(owner ? [owner] : [])]) {
        attempt(`the role ${role}`, () => psql(`DROP ROLE IF EXISTS ${role}`));
      }
      if (failed.length > 0) {
        throw new Error(`postgresRegister(${tag}).remove(): ${failed.length} failed:\n${failed.join("\n")}`);
      }
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
