// Every word of the dictionaries is used by a view: a key no source file
// names (literally, or by a template such as t(`error.${code}`)) is dead
// text that translators keep up for nothing.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KEYS } from "../lib/i18n.svelte";

const SRC = join(__dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === "tests" || name === "bindings" || name === "i18n" ? [] : sources(p);
    return /\.(svelte|ts)$/.test(name) && !name.startsWith("i18n.") ? [p] : [];
  });
}

describe("the dictionaries", () => {
  it("hold no key that no view uses", () => {
    const text = sources(SRC)
      .map((p) => readFileSync(p, "utf8"))
      .join("\n");
    // Keys built at run time: `prefix.${…}` in a template literal.
    const prefixes = [...text.matchAll(/`([\w.-]+\.)\$\{/g)].map((m) => m[1]);
    const unused = KEYS.filter(
      (k) => !text.includes(`"${k}"`) && !text.includes(`'${k}'`) && !prefixes.some((p) => k.startsWith(p)),
    );
    expect(unused).toEqual([]);
  });
});
