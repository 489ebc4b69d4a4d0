// The words of roles (h-roles): the read-only list in Inställningar. Merged
// into the dictionaries of ../i18n.svelte.ts; every key of `rolesSv` must
// exist in `rolesEn` (the type says so).

export const rolesSv = {
  "roles.title": "Roller",
  "roles.off": "Inga roller är satta: alla får göra allt. En administratör sätter roller med ogonblick role set.",
  "roles.help": "Vem som får göra vad. Roller sätts av en administratör med ogonblick role set ANVÄNDARNAMN --role ROLL.",
  "roles.login": "Användarnamn",
  "roles.roles": "Roller",
  "roles.units": "Enheter",
  "roles.you": "Du är {login}.",
  "roles.role.handlaggare": "handläggare",
  "roles.role.arkivarie": "arkivarie",
  "roles.role.chef": "chef",
  "roles.role.administrator": "administratör",
  "error.forbidden": "Din roll tillåter det inte",
};

export const rolesEn: Record<keyof typeof rolesSv, string> = {
  "roles.title": "Roles",
  "roles.off": "No roles are set: everyone may do everything. An administrator sets roles with ogonblick role set.",
  "roles.help": "Who may do what. An administrator sets roles with ogonblick role set LOGIN --role ROLE.",
  "roles.login": "Login",
  "roles.roles": "Roles",
  "roles.units": "Units",
  "roles.you": "You are {login}.",
  "roles.role.handlaggare": "case officer",
  "roles.role.arkivarie": "archivist",
  "roles.role.chef": "manager",
  "roles.role.administrator": "administrator",
  "error.forbidden": "Your role does not allow it",
};
