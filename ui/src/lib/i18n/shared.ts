// The words of Delat register in Inställningar and the footer's register
// line (h-desk). Merged into the dictionaries of ../i18n.svelte.ts; every
// key of `sharedSv` must exist in `sharedEn` (the type says so).

export const sharedSv = {
  "shared.title": "Delat register",
  "shared.help":
    "Flera skrivbord kan dela ett register i PostgreSQL. Ange adressen till databasen, till exempel postgres://anna@databas.kommun.se/ogonblick, och välj som datamapp den delade mapp (nätverksenhet) där alla skrivbord når ögonblicksbilderna. Lösenordet anges aldrig här utan på det sätt som IT-avdelningen anvisar (i lösenordsfilen ~/.pgpass eller den fil som PGPASSFILE anger).",
  "shared.address": "Adress till det delade registret (postgres://…)",
  "shared.test": "Testa anslutningen",
  "shared.testing": "Testar …",
  "shared.save": "Spara adressen",
  "shared.nextStart":
    "Ändringen gäller nästa gång Ögonblick startar: att byta register medan schemaläggaren arbetar vore en onödig risk.",
  "shared.savedAddress": "Sparat. Ögonblick använder {address} nästa gång programmet startar.",
  "shared.savedLocal": "Sparat. Ögonblick använder det lokala registret nästa gång programmet startar.",
  "shared.onShared": "Det här fönstret använder det delade registret {address}.",
  "shared.onLocal": "Det här fönstret använder det lokala registret i datamappen.",
  "shared.environment":
    "Miljövariabeln OGONBLICK_DATABASE är satt och går före den sparade adressen.",
  "shared.testHelp":
    "Testa anslutningen ansluter till databasen och gör dess schema klart för den här versionen av Ögonblick: det skapas i en tom databas och uppgraderas i en äldre. Sedan kontrolleras att datamappen hör till registret. I datamappen skrivs inget.",
  "footer.sharedRegister": "Delat register: {address}",
  "footer.localRegister": "Lokalt register",
  // h-conc: an edit refused because the channel changed after the form was opened.
  "edit.reload": "Ladda om",
  "edit.reloaded": "Formuläret visar nu kanalen som den är sparad. Gör din ändring igen och spara.",
  // h-pgsec: an audit entry whose PostgreSQL role is not the person it names.
  "audit.dbRole": "skriven av databasrollen {role}",
} as const;

export type SharedKey = keyof typeof sharedSv;

export const sharedEn: Record<SharedKey, string> = {
  "shared.title": "Shared register",
  "shared.help":
    "Several desktops can share one register on PostgreSQL. Give the database's address, for example postgres://anna@db.example.org/ogonblick, and as the data folder the shared folder (network drive) where every desktop reaches the snapshots. The password is never given here but the way your IT department prescribes (in the password file ~/.pgpass or the file PGPASSFILE names).",
  "shared.address": "Address of the shared register (postgres://…)",
  "shared.test": "Test the connection",
  "shared.testing": "Testing …",
  "shared.save": "Save the address",
  "shared.nextStart":
    "The change applies the next time Ögonblick starts: changing registers while the scheduler works is not worth the risk.",
  "shared.savedAddress": "Saved. Ögonblick uses {address} the next time it starts.",
  "shared.savedLocal": "Saved. Ögonblick uses the local register the next time it starts.",
  "shared.onShared": "This window is on the shared register {address}.",
  "shared.onLocal": "This window is on the local register in the data folder.",
  "shared.environment": "The environment variable OGONBLICK_DATABASE is set and wins over the saved address.",
  "shared.testHelp":
    "Test the connection connects to the database and makes its schema ready for this version of Ögonblick: it is created in an empty database and upgraded in an older one. Then it checks that the data folder belongs to the register. Nothing is written in the data folder.",
  "footer.sharedRegister": "Shared register: {address}",
  "footer.localRegister": "Local register",
  "edit.reload": "Reload",
  "edit.reloaded": "The form now shows the channel as it is saved. Make your change again and save.",
  "audit.dbRole": "written by the database role {role}",
};
