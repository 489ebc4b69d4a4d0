// The register issue 19 was tried on: 60 channels over 5 boards and 12 units,
// five platforms per unit, six people, every third channel without a
// substitute, two channels being closed down. Imported through the real CLI
// (`register import`, the CSV a municipality keeps), so a spec starts from the
// state a real register is in.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, cliJson } from "./lib.mjs";

export const BOARDS = [
  ["Kommunstyrelsen", ["Kommunikationsenheten", "HR-enheten", "Näringslivsenheten"]],
  ["Kultur- och fritidsnämnden", ["Bibliotek", "Fritidsgårdar", "Kulturskolan"]],
  ["Barn- och utbildningsnämnden", ["Grundskola", "Förskola"]],
  ["Socialnämnden", ["Äldreomsorgen", "Individ- och familjeomsorgen"]],
  ["Miljö- och byggnadsnämnden", ["Bygglov", "Miljöenheten"]],
];

export const PEOPLE = ["Åsa Öberg", "Erik Ek", "Karin Berg", "Lars Lind", "Maria Holm", "Nils Nord"];

const PLATFORMS = [
  ["facebook", "Facebook", "https://www.facebook.com/"],
  ["instagram", "Instagram", "https://www.instagram.com/"],
  ["x", "X", "https://x.com/"],
  ["youtube", "YouTube", "https://www.youtube.com/@"],
  ["linkedin", "LinkedIn", "https://www.linkedin.com/company/"],
];

/** The channels closed down now (`closing`), by their place in the list. */
const CLOSING = new Set([7, 33]);

const slug = (s) =>
  s
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** The 60 channels, in order: {name, platform, url, board, unit, responsible, substitute, status}. */
export function organisation() {
  const rows = [];
  for (const [board, units] of BOARDS) {
    for (const unit of units) {
      for (const [platform, platformName, base] of PLATFORMS) {
        const k = rows.length;
        rows.push({
          name: `${unit} på ${platformName}`,
          platform,
          url: `${base}nacka-${slug(unit)}`,
          board,
          unit,
          responsible: PEOPLE[k % PEOPLE.length],
          substitute: k % 3 === 2 ? "" : PEOPLE[(k + 1) % PEOPLE.length],
          status: CLOSING.has(k) ? "closing" : "active",
        });
      }
    }
  }
  return rows;
}

/**
 * Imports `rows` (default: organisation()) into the register in `dataDir` as
 * a semicolon CSV and returns the channels as listed by the CLI, each with its
 * id, in the rows' order.
 */
export function importOrganisation(dataDir, rows = organisation()) {
  const cols = ["name", "platform", "urls", "board", "unit", "responsible", "substitute", "policy", "status"];
  const line = (r) =>
    [r.name, r.platform, r.url, r.board, r.unit, r.responsible, r.substitute, "half-yearly", r.status].join(";");
  const file = join(dataDir, `register-${process.pid}.csv`);
  writeFileSync(file, `${cols.join(";")}\n${rows.map(line).join("\n")}\n`);
  const r = cli(dataDir, ["register", "import", file]);
  if (r.status !== 0) throw new Error(`register import failed: ${r.stderr}`);
  const listed = cliJson(dataDir, ["channel", "list", "--json"]).map((s) => s.channel ?? s);
  return rows.map((row) => {
    const c = listed.find((l) => l.name === row.name);
    if (!c) throw new Error(`${row.name} is not in the register after the import`);
    return { ...row, id: c.id };
  });
}
