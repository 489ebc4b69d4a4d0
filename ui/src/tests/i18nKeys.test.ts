// Every word of the dictionaries is used by a view: a key no source file
// names (literally, or by a template such as t(`error.${code}`)) is dead
// text that translators keep up for nothing.
import { describe, expect, it } from "vitest";
import { KEYS } from "../lib/i18n.svelte";

// The views' sources as text (the dictionaries themselves left out).
const files = import.meta.glob(["../**/*.svelte", "../**/*.ts", "!../tests/**", "!../bindings/**", "!../lib/i18n/**"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

describe("the dictionaries", () => {
  it("hold no key that no view uses", () => {
    const text = Object.entries(files)
      .filter(([path]) => !path.endsWith("i18n.svelte.ts"))
      .map(([, source]) => source)
      .join("\n");
    expect(text).toContain('t("firstrun.save")');
    // Keys built at run time: `prefix.${…}` in a template literal.
    const prefixes = [...text.matchAll(/`([\w.-]+\.)\$\{/g)].map((m) => m[1] ?? "");
    const unused = KEYS.filter(
      (k) => !text.includes(`"${k}"`) && !text.includes(`'${k}'`) && !prefixes.some((p) => p && k.startsWith(p)),
    );
    expect(unused).toEqual([]);
  });
});
