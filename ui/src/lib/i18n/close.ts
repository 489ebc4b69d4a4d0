// h-close: the words of the closure's ends: the confirmation before it starts
// (with the decision and its diary number), undoing it before the final
// snapshot, and the last step, the day the account was deleted on the
// platform. Merged into the dictionaries in ../i18n.svelte.ts; every key of
// `closeSv` must exist in `closeEn`.

export const closeSv = {
  "close.step.deleted": "Kontot raderat på plattformen",
  "close.help.deleted": "Radera kontot på plattformen och ange sedan vilken dag det raderades.",
  "close.confirmTitle": "Påbörja avvecklingen av {name}?",
  "close.confirmText": "Kanalen markeras som ”Under avveckling”. Ange beslutet om att avveckla kontot och dess diarienummer om de finns. Avvecklingen kan ångras tills den slutliga ögonblicksbilden är tagen.",
  "close.decision": "Beslut (valfritt)",
  "close.decisionHint": "T.ex. KS 2027-03-01 §12",
  "close.diary": "Diarienummer (valfritt)",
  "close.diaryHint": "T.ex. KS 2027/31",
  "close.confirmStart": "Påbörja avvecklingen",
  "close.cancel": "Avbryt",
  "close.decisionShown": "Beslut: {decision}",
  "close.diaryShown": "Diarienummer: {number}",
  "close.undoButton": "Ångra avvecklingen",
  "close.undoTitle": "Ångra avvecklingen av {name}?",
  "close.undoText": "Kanalen blir aktiv igen och avvecklingen loggas som ångrad. Påbörjas den på nytt börjar checklistan om från början.",
  "close.undoConfirm": "Ja, ångra avvecklingen",
  "close.undone": "Avvecklingen av ”{name}” är ångrad. Kanalen är aktiv igen.",
  "close.deletedDate": "Dag då kontot raderades",
  "close.deletedButton": "Registrera raderingen",
  "close.deletedOn": "Kontot raderades på plattformen {date}.",
  "action.closure.undo": "Avvecklingen ångrades",
  "action.closure.deleted": "Kontot raderades på plattformen",
};

type CloseKey = keyof typeof closeSv;

export const closeEn: Record<CloseKey, string> = {
  "close.step.deleted": "Account deleted on the platform",
  "close.help.deleted": "Delete the account on the platform, then give the day it was deleted.",
  "close.confirmTitle": "Start closing down {name}?",
  "close.confirmText": "The channel is marked “Being closed down”. Give the decision to close the account and its diary number if there are any. The closure can be undone until the final snapshot is taken.",
  "close.decision": "Decision (optional)",
  "close.decisionHint": "E.g. KS 2027-03-01 §12",
  "close.diary": "Diary number (optional)",
  "close.diaryHint": "E.g. KS 2027/31",
  "close.confirmStart": "Start the closure",
  "close.cancel": "Cancel",
  "close.decisionShown": "Decision: {decision}",
  "close.diaryShown": "Diary number: {number}",
  "close.undoButton": "Undo the closure",
  "close.undoTitle": "Undo closing down {name}?",
  "close.undoText": "The channel becomes active again and the closure is logged as undone. If it is started again, the checklist begins afresh.",
  "close.undoConfirm": "Yes, undo the closure",
  "close.undone": "The closure of “{name}” is undone. The channel is active again.",
  "close.deletedDate": "Day the account was deleted",
  "close.deletedButton": "Record the deletion",
  "close.deletedOn": "The account was deleted on the platform on {date}.",
  "action.closure.undo": "Closure undone",
  "action.closure.deleted": "Account deleted on the platform",
};
