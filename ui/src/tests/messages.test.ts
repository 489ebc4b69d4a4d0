// The UI's renderer of engine messages on the parameter types that hold
// other messages or a form field's name (crates/messages/src/args.rs).
import { describe, expect, it } from "vitest";
import type { Message } from "../bindings/Message";
import { samples } from "../bindings/messageSamples";
import { renderMessage, snapshotNote } from "../lib/messages";

const bidi: Message = {
  key: "text-direction",
  args: { field: { field: "unit" }, value: "abc", code: "U+202E" },
};

describe("renderMessage", () => {
  it("writes every key of the catalogue as the engine does, in both languages", () => {
    expect(samples.length).toBeGreaterThan(300);
    const wrong: string[] = [];
    for (const s of samples) {
      for (const lang of ["sv", "en"] as const) {
        const got = renderMessage(s.message as Message, lang);
        if (got !== s[lang]) wrong.push(`${lang} ${(s.message as Message).key}: ${JSON.stringify(got)} != ${JSON.stringify(s[lang])}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("names a form field in the reader's language", () => {
    expect(renderMessage(bidi, "sv")).toMatch(/^enheten ”abc” innehåller det osynliga skrivriktningstecknet U\+202E/);
    expect(renderMessage(bidi, "en")).toMatch(/^the unit 'abc' contains the invisible text-direction character U\+202E/);
  });

  it("writes a list of problems one after the other", () => {
    const m: Message = {
      key: "store-invalid",
      args: { problems: [{ key: "channel-name-empty", args: {} }, bidi] },
    };
    const sv = renderMessage(m, "sv");
    expect(sv).toBe(
      `namnet är tomt: skriv kanalens namn som det visas på plattformen; ${renderMessage(bidi, "sv")}.`,
    );
    expect(sv).not.toContain("[object Object]");
  });

  it("writes the rows of a CSV file as blocks", () => {
    const m: Message = {
      key: "store-import-rows",
      args: {
        count: 2,
        rows: {
          list: [
            { key: "csv-row", args: { row: 2n, problems: [{ key: "channel-no-address", args: {} }] } },
            {
              key: "csv-row",
              args: { row: 5n, problems: [{ key: "csv-address-in-row", args: { url: "https://x.se/a", row: 2n } }] },
            },
          ],
        },
      },
    };
    expect(renderMessage(m, "sv")).toBe(
      "2 rader i filen är felaktiga och inget importerades. Rätta dem och importera igen: " +
        "rad 2: ingen adress är angiven: lägg till minst en sidadress, t.ex. https://www.facebook.com/nackakommun | " +
        "rad 5: adressen ”https://x.se/a” finns också på rad 2: ange varje adress en gång",
    );
  });
});

describe("snapshotNote", () => {
  it("shows the engine's note in the reader's language and an old note as recorded", () => {
    const snap = {
      reason_note: "captured again for removal record r-1",
      reason_message: { key: "snapshot-note-recaptured", args: { removal: "r-1" } } as Message,
    };
    expect(snapshotNote(snap, "sv")).toBe("fångad på nytt för posten om borttaget innehåll r-1");
    expect(snapshotNote(snap, "en")).toBe("captured again for removal record r-1");
    const old = { reason_note: "captured before removal (borttaget innehåll)" };
    expect(snapshotNote(old, "sv")).toBe("captured before removal (borttaget innehåll)");
  });
});
