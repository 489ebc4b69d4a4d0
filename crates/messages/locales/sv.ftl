# Ögonblick's message catalogue, Swedish. One key per sentence the engine
# shows a user; the keys and their parameters are listed in
# crates/messages/src/catalogue.rs, and a test holds this file to that list.
# Archival terms: /work/shared/reference/guidelines (ögonblicksbild, arkivpaket, förteckning).

text = { $text }

## Dates and lists (typed parameters)
date = { $day } { $month } { $year }
date-span-same-year = { $from_day } { $from_month }–{ $to }
date-span = { $from }–{ $to }
list-and = { $first } och { $last }
list-and-more = { $shown } och { $more } till
month-1 = januari
month-2 = februari
month-3 = mars
month-4 = april
month-5 = maj
month-6 = juni
month-7 = juli
month-8 = augusti
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december

## A page that could not be captured
page-net-error = Sidan { $url } kunde inte fångas: { $cause ->
        [dns] värdnamnet hittades inte (DNS). Kontrollera att adressen är rätt skriven
        [unreachable] servern gick inte att nå. Kontrollera nätverksanslutningen och försök igen senare
        [redirect-loop] webbplatsen skickar vidare i en slinga och visar aldrig någon sida
        [refused] webbplatsen vägrade visa sidan
        [tls] webbplatsens TLS-certifikat kunde inte verifieras, så sidan fångas inte (en sida som inte kan verifieras kan inte visas vara äkta)
       *[other] Chromium kunde inte öppna sidan
    } ({ $code }).
page-http-status = Sidan { $url } kunde inte fångas: servern svarade HTTP { $status } ({ $reason }); { $server_fault ->
        [true] webbplatsen hade ett fel. Försök igen senare
       *[false] kontrollera att adressen är rätt och att sidan finns kvar
    }.
page-navigated = Sidan { $url } kunde inte fångas: medan den fångades gick sidan själv vidare till en annan adress ({ $to }) (ett skript, en meta refresh eller en länk), så ögonblicksbilden hade visat en annan sida. Fånga { $to } i stället om det är den sidan som ska arkiveras, eller försök igen.
page-download = Sidan { $url } kunde inte fångas: adressen svarade med en fil att ladda ner ("{ $name }"), inte en sida. Nedladdningen stoppades och inget sparades på datorn. Kontrollera adressen.
page-download-unnamed = Sidan { $url } kunde inte fångas: adressen svarade med en fil att ladda ner, inte en sida. Nedladdningen stoppades och inget sparades på datorn. Kontrollera adressen.
page-wall = En spärr täckte sidan ({ $walls }). Filerna visar vad Chromium såg, men ögonblicksbilden duger inte: logga in med "Logga in på plattformen" på kanalens sida (eller justera samtyckesinställningarna) och ta den igen.
page-no-answer = Sidan { $url } kunde inte fångas: servern svarade inte inom { $secs } s. Försök igen senare.
page-address-refused = Sidan { $url } kunde inte fångas: Chromium godtog inte adressen ({ $detail }).
page-crashed = Sidan { $url } kunde inte fångas: sidan fick Chromium att krascha.
page-load-timeout = Sidan { $url } kunde inte fångas: den laddades inte inom { $secs } s. Försök igen senare.

## Why a capture could not go on
capture-launch = Chromium kunde inte startas: { $detail }
capture-browser-gone = Chromium slutade oväntat att svara ({ $detail }). Ta ögonblicksbilden igen.
capture-cancelled = Avbrutet.
capture-io = Kunde inte skriva { $path }: { $detail }. Kontrollera att disken har plats och att mappen går att skriva i.
capture-internal = Fångsten misslyckades: { $detail }

## The schedule's explanation of a channel
due-not-yet-created = Kanalen fanns inte ännu vid den här tidpunkten.
due-closed = Kanalen är avvecklad; inga fler ögonblicksbilder behövs.
due-final-taken = Slutlig ögonblicksbild togs { $taken }; avvecklingen kan slutföras när arkivpaketet är kontrollerat.
due-closure-due = Kanalen är under avveckling: ta en slutlig ögonblicksbild nu.
due-manual = Bara manuellt: ögonblicksbilder tas när någon startar dem.
due-overdue = Försenad: ingen fullständig ögonblicksbild i perioden ”{ $window }” ({ $span }) eller senare{ $missed ->
        [one] { "" }
       *[other] { " (" }{ $missed } missade perioder)
    }{ $major_change_ignored ->
        [true] ; en bild vid större förändring räknas inte för det regelbundna schemat
       *[false] { "" }
    }.{ $in_blackout ->
        [true] { " " }Ta den efter uppehållet eller manuellt.
       *[false] { "" }
    }
due-now = Ska tas nu: ta en ögonblicksbild i perioden ”{ $window }” senast { $by }.
due-covered = Dokumenterad för perioden ”{ $window }”; { $next }.
due-nothing = Inget att göra nu; { $next }.
schedule-next-window = nästa period (”{ $window }”) börjar { $opens }
schedule-no-next-window = ingen kommande period

## The background scheduler's notifications
notice-due-title = Dags för ögonblicksbilder
notice-due-body = { $count ->
        [one] 1 kanal
       *[other] { $count } kanaler
    } ska dokumenteras nu: { $names }.
notice-overdue-title = Försenade ögonblicksbilder
notice-overdue-body = { $count ->
        [one] 1 kanal är försenad
       *[other] { $count } kanaler är försenade
    }: { $names }.
notice-closure-title = Slutlig ögonblicksbild krävs
notice-closure-body = { $count ->
        [one] 1 kanal
       *[other] { $count } kanaler
    } är under avveckling och behöver en slutlig ögonblicksbild: { $names }.
notice-one-channel = { $name }: { $explanation }
notice-open-hint = Öppna Ögonblick för att ta bilderna.
notice-done-title = Ögonblicksbilder tagna
notice-done-body = { $count ->
        [one] 1 kanal dokumenterad
       *[other] { $count } kanaler dokumenterade
    }: { $names }.
notice-failed-title = Ögonblicksbild misslyckades
notice-failed-body = { $count ->
        [one] 1 kanal
       *[other] { $count } kanaler
    } kunde inte dokumenteras helt: { $names } ({ $why }). Se kanalens historik och försök igen.
notice-snapshot-status = { $status ->
        [partial] ofullständig
       *[failed] misslyckad
    }
notice-run-failed-title = Automatisk ögonblicksbild misslyckades
notice-run-failed-body = Körningen kunde inte genomföras: { $error }
notice-channel-number = kanal { $id }

## Refusals and errors of the use cases
refused-channel-closed = kanal { $id } ({ $name }) är avvecklad och kan inte fångas längre
capture-run-cancelled = fångsten avbröts; ögonblicksbilder som redan sparats finns kvar
refused-not-closing = kanal { $id } är { $status ->
        [active] aktiv
        [closed] avvecklad
       *[other] { $status }
    }, inte under avveckling: påbörja avvecklingen först (`ogonblick channel close { $id }`)
refused-no-final-snapshot = kanal { $id } har ingen fullständig slutlig ögonblicksbild av varje adress tagen efter att avvecklingen påbörjades: kör `ogonblick capture { $id } --reason pre-closure`
refused-package-lacks-final = arkivpaketet { $package } innehåller inte den slutliga ögonblicksbilden { $snapshot }: kör `ogonblick export --channel { $id } --out FIL` efter den

## A one-address capture refused
address-bad = adressen kan inte fångas: { $why }
address-regular-reason = en enskild adress kan inte fångas med anledningen { $reason ->
        [half-yearly] halvårsvis
        [yearly] årlig
        [pre-closure] inför avveckling
       *[other] { $reason }
    }: den är aldrig kanalens regelbundna eller slutliga ögonblicksbild; välj enskild adress (standard), vid behov eller större förändring, eller fånga hela kanalen
address-busy = kanal { $id } fångas just nu av en annan körning: försök igen när den är klar

## Removal records and diary numbers refused
removal-unknown-ground = ”{ $given }” är inte en av organisationens grunder för borttagning: använd någon av { $known } (`ogonblick removal grounds` visar dem)
removal-ground-needs-text = Grunden ”{ $code }” behöver en text som säger vilken grunden är: ange `--ground-text` TEXT
removal-capture-failed = Fångsten av { $url } före borttagningen misslyckades ({ $why }); den misslyckade ögonblicksbilden { $snapshot } visar vad som prövades och ingen post om borttaget innehåll skapades: försök igen, eller ange en egen skärmbild med `--file` SKÄRMBILD (PNG, JPEG eller PDF) om inlägget redan är borta
removal-both-evidence = Ange antingen `--snapshot` eller `--file`, inte båda
removal-file-missing = { $path } är ingen fil: ange sökvägen till skärmbilden
removal-file-not-screenshot = { $path } är inte en PNG-, JPEG- eller PDF-fil: spara skärmbilden i något av de formaten och ange den filen
removal-file-too-large = { $path } är större än { $limit_mib } MiB, gränsen för en skärmbild: beskär den eller spara den som JPEG
removal-in-future = { $field ->
        [published-at] Publiceringstiden
        [removed-at] Tiden för borttagningen
        [contacted-at] Tiden för kontakten
        [forwarded-at] Tiden för vidarebefordran
        [police-report-date] Polisanmälans datum
        [certified-by] Bestyrkt av
        [removed-by] Borttaget av
       *[other] Fältet
    } { $value } ligger i framtiden: ange när det hände
removal-before-channel = { $field ->
        [published-at] Publiceringstiden
        [removed-at] Tiden för borttagningen
        [contacted-at] Tiden för kontakten
        [forwarded-at] Tiden för vidarebefordran
        [police-report-date] Polisanmälans datum
        [certified-by] Bestyrkt av
        [removed-by] Borttaget av
       *[other] Fältet
    } { $value } ligger före registreringen av kanal { $channel } ({ $created }): kontrollera datumet
removal-bad-date = ”{ $value }” är inget datum: skriv ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM-DD TT:MM (svensk tid) eller RFC 3339
removal-bad-address = Inläggets adress godtas inte: { $reason }
removal-bad-text = Texten godtas inte: { $reason }
removal-empty-name = { $field ->
        [published-at] Publiceringstiden
        [removed-at] Tiden för borttagningen
        [contacted-at] Tiden för kontakten
        [forwarded-at] Tiden för vidarebefordran
        [police-report-date] Polisanmälans datum
        [certified-by] Bestyrkt av
        [removed-by] Borttaget av
       *[other] Fältet
    } är tomt: ange ett namn
removal-no-change = Inget att rätta: ange minst ett fält att ändra
diary-no-targets = Ingen ögonblicksbild eller post om borttaget innehåll stämmer med urvalet: ange id:n, eller `--channel`/`--board` med ett `--year` som har några
diary-unknown-target = Ingen ögonblicksbild eller post om borttaget innehåll har id { $id }: `ogonblick history` och `ogonblick removal list` visar id:n; inget ändrades
diary-bad-year = ”{ $value }” är inget år: ange t.ex. `--year` 2027

## The desktop's file dialogs
dialog-save-package = Spara arkivpaketet
dialog-open-package = Välj ett arkivpaket
dialog-save-csv = Spara förteckningen som CSV
dialog-open-csv = Välj en CSV-fil att importera
dialog-filter-package = Arkivpaket (ZIP)
dialog-filter-csv = CSV-fil
dialog-open-screenshot = Välj skärmbilden av det borttagna inlägget
dialog-filter-screenshot = Skärmbild (PNG, JPEG eller PDF)
dialog-save-document = Spara dokumentet
dialog-filter-document = PDF/A eller CSV
dialog-open-certificate = Välj tidsstämplingstjänstens rotcertifikat
dialog-filter-certificate = Certifikat (PEM)

## lead: the desktop's removal records
removal-no-supplied-file = Posten { $id } har ingen egen skärmbild: den visas av en ögonblicksbild, öppna den i stället

## h-dispose: retention rules, holds and disposal (gallring)
retention-bad-kind = ”{ $given }” är ingen handlingstyp: ange `snapshot`, `snapshot:<skäl>`, `removal`, `removal-ground:<grund>`, `removal-action:<åtgärd>` eller `report`; inget ändrades
retention-bad-period = ”{ $given }” är ingen gallringsfrist: ange månader eller år, t.ex. 12m eller 1y (minst en månad)
retention-keep-or-dispose = Ange antingen `--keep` (bevaras) eller `--dispose-after` med en frist (gallras); inget ändrades
retention-needs-decision = Gallring kräver ett gallringsbeslut: ange beslutets referens med `--decision`; inget ändrades
retention-no-such-rule = Det finns ingen regel för { $kind } ({ $board }): `ogonblick retention show` visar reglerna; inget ändrades
hold-unknown-item = Ingen ögonblicksbild eller post om borttaget innehåll har id { $id }: `ogonblick history` och `ogonblick removal list` visar id:n; inget ändrades
hold-empty-reason = Ange varför handlingen ska undantas från gallring med `--reason`; inget ändrades
hold-not-held = { $id } är inte undantagen från gallring: `ogonblick hold list` visar undantagen; inget ändrades
diary-keep-empty = Ange diarienumret vars handlingar ska bevaras, t.ex. ”KS 2027/12”; inget ändrades
diary-not-kept = Diarienumret { $number } är inte markerat att bevaras: `ogonblick hold list` visar vilka som är det; inget ändrades
dispose-needs-confirm = Inget gallrades: se först vad som ska gallras med `ogonblick dispose --dry-run`, och gallra sedan med `ogonblick dispose --confirm --by NAMN`
dispose-needs-by = Inget gallrades: ange vem som verkställer gallringen med `--by NAMN`
dispose-busy = Inget gallrades: en annan gallring pågår i samma datamapp; vänta tills den är klar och försök på nytt
dispose-kept-hold = Undantagen från gallring av { $by }: { $reason }
dispose-kept-diary = Diarienumret { $number } ska bevaras
dispose-kept-not-delivered = Regeln kräver att handlingen först levererats i ett verifierat arkivpaket, och det har den inte
dispose-kept-no-decision = Regeln för { $kind } anger inget gallringsbeslut: ange det med `ogonblick retention set … --decision REF`
dispose-kept-evidence = Den visar det borttagna innehållet i posten { $removal_id }, som bevaras

## h-report: the period report of removals, capturing a record again, editing the grounds
removal-report-title = Rapport över borttaget innehåll
removal-report-period = Tidsperiod: { $from } – { $to } (borttaget under perioden)
removal-report-filter-all = Urval: alla kanaler
removal-report-filter-channel = Urval: kanal { $id } ({ $name })
removal-report-filter-board = Urval: kanaler som nämnden { $board } ansvarar för
removal-report-made = Upprättad { $at } av { $by } med Ögonblick
removal-report-total = Antal borttagningar: { $count }
removal-report-none = Inga borttagningar registrerades under perioden.
removal-report-by-ground = Per grund
removal-report-by-action = Per åtgärd
removal-report-records = Poster
removal-report-col-record = Post
removal-report-col-channel = Kanal
removal-report-col-board = Nämnd
removal-report-col-address = Adress
removal-report-col-kind = Typ
removal-report-col-action = Åtgärd
removal-report-col-ground = Grund
removal-report-col-removed-at = Borttaget
removal-report-col-removed-by = Borttaget av
removal-report-col-author = Författare (som den visades)
removal-report-col-text = Inläggets text (som den fångades)
removal-report-col-police = Polisanmälan
removal-report-col-contacted = Kontakt med författaren
removal-report-col-forwarded = Vidarebefordrat till
removal-report-col-diary = Diarienummer
removal-report-col-certified = Bestyrkt av
removal-report-col-evidence = Underlag
removal-report-col-sha256 = Kontrollsumma (SHA-256)
removal-report-col-count = Antal
removal-report-yes = ja
removal-report-no = nej
removal-report-evidence-snapshot = ögonblicksbild { $id }
removal-report-evidence-file = egen skärmbild { $name } (inlämnad för hand)
removal-report-from-after-to = Periodens början { $from } ligger efter dess slut { $to }: ange ett slutdatum som inte ligger före startdatumet; ingen rapport gjordes
removal-report-unknown-channel = Ingen kanal har id { $id }: `ogonblick channel list` visar kanalerna; ingen rapport gjordes
removal-report-unknown-board = Ingen kanal hör till nämnden ”{ $board }”: kända nämnder är { $known }; ingen rapport gjordes
removal-report-bad-format = ”{ $path }” slutar varken på .pdf eller .csv: ange ett filnamn som slutar på .pdf (PDF/A) eller .csv; ingen rapport gjordes
removal-report-no-folder = Mappen för { $path } finns inte: välj en befintlig mapp; ingen rapport gjordes
removal-report-cannot-write = Kan inte skriva { $path } ({ $detail }): välj en mapp där du får skriva; ingen rapport gjordes
removal-recapture-failed = Den nya fångsten av { $url } misslyckades ({ $why }); den misslyckade ögonblicksbilden { $snapshot } visar vad som prövades och posten { $id } är oförändrad: försök igen senare
removal-ground-retired = Grunden { $code } är tagen ur bruk: välj en annan grund (`ogonblick removal grounds` visar dem)
grounds-duplicate = Det finns redan en grund med kortnamnet { $code }: välj ett annat kortnamn, eller ändra den med `ogonblick removal grounds edit`
grounds-unknown = Ingen grund har kortnamnet ”{ $code }”: använd någon av { $known }
grounds-bad-code = Kortnamnet ”{ $code }” godtas inte: använd bara a–z, 0–9 och bindestreck
grounds-empty-label = Grunden behöver en benämning på svenska: ange `--sv` TEXT
grounds-retire-other = Grunden { $code } (annat) kan inte tas ur bruk: den behövs för det som ingen annan grund täcker
grounds-already-retired = Grunden { $code } är redan tagen ur bruk
grounds-no-change = Inget att ändra i grunden { $code }: ange en ny benämning med `--sv` eller `--en`

## h-pkg: personal-data / secrecy marks and the export of removal records
mark-nothing = Ange vad posten innehåller: --personal-data (känsliga personuppgifter), --secret med --osl REF (sekretessbelagda uppgifter), eller båda.
mark-osl-missing = En sekretessmarkering behöver hänvisningen till offentlighets- och sekretesslagen: ange --osl, till exempel "OSL 21 kap. 7 §".
mark-unknown-item = Ingen ögonblicksbild och inget borttaget innehåll har id { $id }: kör `ogonblick history` eller `ogonblick removal list` för att se id:na.
mark-none-to-clear = { $id } har ingen skyddsmarkering att ta bort.
mark-label-personal-data = känsliga personuppgifter
mark-label-secret = sekretess enligt { $osl }
export-marked-modes = Välj antingen --leave-out-marked eller --marked-separately, inte båda.
export-separate-needs-folder = Med --marked-separately blir det två arkivpaket: ange en mapp som --out, inte ett filnamn.
export-no-removals = Inget borttaget innehåll stämmer med urvalet: kontrollera kanal, nämnd och period, eller exportera utan --removals.
export-all-marked = Allt som valts är skyddsmarkerat, så inget återstår att paketera: exportera utan --leave-out-marked, eller med --marked-separately.

## h-tsa: trusted timestamps (RFC 3161)
timestamp-stamped = Tidsstämplad av { $signer } ({ $time } UTC)
timestamp-pending = Tidsstämpel saknas – försöker igen
timestamp-not-configured = Ingen tidsstämpel: ingen tidsstämplingstjänst är inställd
timestamp-failed = Ingen tidsstämpel från { $url }: { $reason ->
        [unreachable] tjänsten kunde inte nås
        [http] tjänsten svarade med ett fel
        [imprint] tidsstämpeln gäller en annan kontrollsumma än manifestets
        [untrusted] certifikatet leder inte till något betrott rotcertifikat
        [expired] certifikatet var inte giltigt vid tidsstämplingen
        [usage] certifikatet är inte avsett för tidsstämpling
        [signature] signaturen stämmer inte
        [nonce] svaret hör inte till vår begäran
        [no-roots] inget rotcertifikat är inställt
        [url] adressen är ingen http- eller https-adress
        [unsupported] tidsstämpeln använder en algoritm som inte kan kontrolleras
        [timeout] tjänsten svarade inte i tid
        [signing-cert] signerarens certifikat är inte det som signaturen anger
       *[other] svaret går inte att läsa
    } ({ $detail }). Ögonblicksbilden är sparad och markerad att tidsstämpeln saknas; `ogonblick timestamp --pending` försöker igen
timestamp-bad-url = ”{ $url }” är ingen adress till en tidsstämplingstjänst: ange en http://- eller https://-adress
timestamp-no-ca = Ange rotcertifikatet (PEM) som tidsstämplingstjänstens certifikat leder till med `--tsa-ca`, så att tidsstämplarna kan kontrolleras utan nät
timestamp-bad-ca = { $path } går inte att läsa som certifikat ({ $detail }): ange en PEM-fil med rotcertifikatet
timestamp-token-invalid = Tidsstämpeln { $token } håller inte: { $reason ->
        [unreachable] tjänsten kunde inte nås
        [http] tjänsten svarade med ett fel
        [imprint] tidsstämpeln gäller en annan kontrollsumma än manifestets
        [untrusted] certifikatet leder inte till något betrott rotcertifikat
        [expired] certifikatet var inte giltigt vid tidsstämplingen
        [usage] certifikatet är inte avsett för tidsstämpling
        [signature] signaturen stämmer inte
        [nonce] svaret hör inte till vår begäran
        [no-roots] inget rotcertifikat är inställt
        [url] adressen är ingen http- eller https-adress
        [unsupported] tidsstämpeln använder en algoritm som inte kan kontrolleras
        [timeout] tjänsten svarade inte i tid
        [signing-cert] signerarens certifikat är inte det som signaturen anger
       *[other] svaret går inte att läsa
    } ({ $detail })
timestamp-manifest-missing = Ögonblicksbilden { $snapshot } har inget manifest (manifest-sha256.txt): den sparades av en äldre version och har ingen tidsstämpel
timestamp-manifest-mismatch = Filen { $path } stämmer inte med manifestet (manifest-sha256.txt): den saknas eller har ändrats
timestamp-verified = Tidsstämpeln { $token } håller: tidsstämplad av { $signer } ({ $time } UTC)

## h-warc: the web archive (WARC/WACZ) of a snapshot
web-archive-not-written = Webbarkivet (WACZ) kunde inte skrivas i { $path }: { $error }. Se till att det finns plats på disken och ta ögonblicksbilden igen.
web-archive-title = Webbarkiv (WACZ)
web-archive-setting-on = Webbarkiv (WACZ) sparas med varje ögonblicksbild.
web-archive-setting-off = Inget webbarkiv (WACZ) sparas med ögonblicksbilderna.

# h-msg: warnings of a page's capture
warn-coverage = av de { $seen } inlägg som syntes vid rullningen finns { $in_png } i PNG-filen och { $in_pdf_text } i PDF/A-filens text: jämför filerna med sidan innan ögonblicksbilden används
warn-expand-clicks = klickbudgeten på { $max_clicks } klick för att fälla ut dolt innehåll tog slut: { $clicks } utfällda, { $left } knappar ("Visa mer", fler kommentarer, svar) lämnades stängda; deras innehåll finns inte i ögonblicksbilden
warn-expand-time = tidsbudgeten på { $secs } s för att fälla ut dolt innehåll tog slut: { $clicks } utfällda, { $left } knappar ("Visa mer", fler kommentarer, svar) lämnades stängda; deras innehåll finns inte i ögonblicksbilden
warn-expand-windows = ett klick för att fälla ut innehåll försökte öppna { $count } fönster; vart och ett stoppades, och en sådan knapp klickades inte igen
warn-too-wide = sidan är { $width } px bred; ögonblicksbilden visar de första { $kept } px
warn-text-unread = sidans text mellan { $from } och { $to } px kunde inte läsas för PDF/A-filen ({ $detail })
warn-slice-moved = delbilden mellan { $from } och { $to } px låg inte i fönstret när skärmbilden togs (sidan hade rullat iväg) och kan visa en annan del av sidan
warn-js-dialog = en JavaScript-dialog stängdes ({ $text })
warn-document-kept = adressen lämnar ett dokument ({ $media_type }), inte en webbsida: det sparas precis som servern skickade det ({ $name }, { $size } byte, SHA-256 { $sha256 }); ingen skärmbild eller PDF/A gjordes av Chromiums dokumentvisare
warn-slow-load = sidan hade inte laddats klart efter { $secs } s (en resurs fortsatte att laddas); det som hade laddats fångades
warn-download = sidan försökte ladda ner en fil ("{ $name }" från { $url }); nedladdningen stoppades, inget sparades
warn-popup = sidan öppnade ett popup-fönster ({ $url }); det stängdes och ingår inte i ögonblicksbilden
warn-consent-navigated = efter klicket i samtyckesrutan laddade sidan { $url }; ögonblicksbilden visar den sidan
warn-redirected = omdirigerad ({ $status }) från { $from } till { $to }

# h-msg: what verify found wrong with a package
verify-sidecar-missing = kontrollsummefilen .sha256 bredvid paketet saknas, så paketet som helhet kan inte kontrolleras
verify-package-sha-mismatch = paketets SHA-256 stämmer inte med kontrollsummefilen { $sidecar }: paketfilen har ändrats eller skadats
verify-sidecar-other-file = kontrollsummefilen gäller en annan fil
verify-xml-too-large = XML-filen är för stor för kontrollen (högst { $file_mib } MiB av en XML-fil och { $total_mib } MiB XML sammanlagt)
verify-entry-longer = posten innehåller mer data än dess huvud anger (en zip-bomb eller ett skadat arkiv); den lästes inte vidare
verify-entry-unreadable = posten kan inte läsas: { $detail }
verify-entry-shorter = posten är kortare än dess huvud anger: behållaren är avkortad eller skadad
verify-entry-twice = posten finns två gånger i behållaren
verify-zip-entry-unopenable = zip-posten kan inte öppnas: { $detail }
verify-entry-symlink = posten är en symbolisk länk; ett paket innehåller bara filer och mappar
verify-entry-bomb = posten påstår sig packas upp till mer än komprimerade data kan rymma (en zip-bomb); den lästes inte
verify-tar-damaged = tar-strömmen är skadad: { $detail }
verify-tar-bad-name = en tar-post har ett felaktigt namn: { $detail }
verify-entry-special = posten är inte en vanlig fil utan { $kind ->
        [symlink] en symbolisk länk
        [hard-link] en hård länk
        [char-device] en teckenenhet
        [block-device] en blockenhet
        [fifo] en FIFO
       *[other] en specialpost
    }; ett paket innehåller bara filer och mappar
verify-name-escapes = postens namn skulle kunna hamna utanför paketets mapp
verify-name-characters = postens namn har tecken utanför [A-Za-z0-9._-/]
verify-root-folders = paketet ska innehålla exakt en rotmapp
verify-zip-duplicate = posten finns { $count } gånger i zip-filen; ett uppackningsprogram kan packa upp en annan fil än den som kontrollerades
verify-central-unreadable = zip-filens centralkatalog kan inte läsas: { $detail }
verify-local-header-unreadable = dess lokala huvud kan inte läsas: { $detail } (en skadad eller manipulerad zip-fil: uppackningsprogram kan se andra data än kontrollen)
verify-local-header-missing = den har inget lokalt huvud där centralkatalogen anger (en skadad eller manipulerad zip-fil: uppackningsprogram kan se andra data än kontrollen)
verify-local-header-disagrees = dess lokala huvud stämmer inte med centralkatalogen: { $fields } (en skadad eller manipulerad zip-fil: uppackningsprogram kan se andra data än kontrollen)
verify-root-mets-missing = rotens METS.xml saknas
verify-objid = OBJID anger inte rotmappen
verify-profile = PROFILE är inte E-ARK:s SIP-profil
verify-no-file-grp = fileGrp USE="{ $group }" saknas
verify-no-representation = ingen representation (mptr) finns angiven
verify-rep-mets-missing = representationens METS, som rotens METS anger (mptr), saknas
verify-no-href = { $element } { $id } saknar xlink:href
verify-ref-leaves = hänvisningen { $href } pekar utanför paketet
verify-listed-missing = filen som anges i { $listed_in } saknas
verify-checksum-type = { $href }: CHECKSUMTYPE är inte SHA-256
verify-sha-mismatch = SHA-256 stämmer inte med { $source }
verify-size-mismatch = storleken stämmer inte med { $source }
verify-format-mismatch = filens format (PRONOM) är inte det som { $source } anger
verify-no-created = { $href }: CREATED saknas
verify-premis-no-location = ett PREMIS-objekt saknar contentLocation
verify-premis-outside = PREMIS anger en plats utanför paketet: { $location }
verify-described-missing = filen som beskrivs i { $described_in } saknas
verify-premis-sha-mismatch = SHA-256 stämmer inte med kontrollsumman i { $premis }
verify-premis-no-fixity = PREMIS-objektet för { $file } saknar kontrollsumma
verify-premis-empty = PREMIS beskriver inga objekt
verify-record-outside = anger en plats utanför paketet: { $href }
verify-record-sha-mismatch = SHA-256 stämmer inte med fångstposten { $record }
verify-record-size-mismatch = storleken stämmer inte med fångstposten { $record }
verify-schemas-not-run = schemavalideringen kördes inte (xmllint saknas)
verify-schemas-could-not-run = schemavalideringen kunde inte köras: { $detail } (installera libxml2-utils för xmllint)
verify-schema-invalid = validerar inte mot { $schema ->
        [wrapper] METS 1.12 med DILCIS CSIP/SIP-scheman
       *[other] { $schema }
    }: { $detail }
verify-unlisted = filen finns inte med i någon METS-fil
verify-not-utf8 = inte UTF-8-text: { $detail }
verify-not-xml = inte välformad XML: { $detail }
verify-expected-found = väntat { $expected }, fanns { $found }
verify-expected = väntat { $expected }
verify-found = fanns { $found }

# h-msg: errors of the store, the packages and the use cases
store-busy = Förteckningen är upptagen: ett annat Ögonblick-program skriver i den. Försök igen om en stund.
store-import-rows = { $count ->
        [one] 1 rad
       *[other] { $count } rader
    } i filen är felaktiga och inget importerades. Rätta dem och importera igen: { $rows }
store-io = Kan inte { $action ->
        [read] läsa
        [write] skriva
        [create] skapa
        [open] öppna
        [lock] låsa
        [remove] ta bort
        [sync] synkronisera
       *[other] hantera
    } { $path }: { $detail }. Kontrollera att sökvägen finns, går att läsa och skriva i och att disken inte är full.
store-disk-full = Disken är full: { $what } kan inte skrivas (inget utrymme kvar på enheten). Frigör plats på disken och försök igen.
store-sqlite = Förteckningens databas fick ett fel: { $detail }. Om felet kvarstår, kör `ogonblick reindex` för att återskapa den från filerna.
store-json = En JSON-fil kan inte läsas: { $detail }
package-read = Kunde inte läsa { $path }: { $detail }
package-write = Kunde inte skriva { $path }: { $detail }
package-fixity = Ögonblicksbildens fil { $path } stämmer inte med sin registrerade kontrollsumma ({ $what }). Lagret kan vara skadat: kör `ogonblick verify` på ögonblicksbilden innan du exporterar.
package-cancelled = Exporten avbröts; inget lämnades kvar under det slutliga namnet.
package-inventory = Förteckningens PDF/A kunde inte skapas: { $detail }
package-unreadable = Paketet kunde inte läsas som { $format }: { $detail }
package-internal = Internt fel: { $detail }
package-not-zip-or-tar = Paketet kunde inte läsas: { $path } är varken en zip- eller en tar-fil.
capture-cannot-write = Kan inte skriva { $path }: { $detail }. Frigör plats på disken och försök igen.

# h-msg: progress details of long jobs
progress-scrolled = { $y } av { $height } px
progress-slice = bildremsa { $n } av { $of }
progress-cancelled = avbruten
progress-exported = { $path } ({ $files ->
        [one] 1 fil
       *[other] { $files } filer
    })
progress-problems = { $count ->
        [one] 1 problem
       *[other] { $count } problem
    }

## lead: verify's timestamp step
verify-tsa-root-unreadable = inget rotcertifikat: { $detail }
verify-manifest-too-large = manifestet är för stort för att kontrolleras
verify-manifest-unreadable = manifestet går inte att läsa: { $detail }
verify-manifest-file-missing = filen som { $manifest } listar saknas
verify-manifest-sha-mismatch = SHA-256 stämmer inte med manifestet { $manifest }
verify-token-too-large = tidsstämpeln är för stor för att kontrolleras
verify-token-no-roots = inget rotcertifikat i { $folder } att kontrollera tidsstämpeln mot
verify-token-invalid = tidsstämpeln håller inte: { $detail }

## lead: the disposal log as a document
disposal-log-title = Gallringsprotokoll
disposal-log-made = { $organisation } – upprättat { $at } av { $by }
disposal-log-counts = { $documents } gallrade handlingar, { $files } raderade filer
disposal-log-rows = Gallrade handlingar
disposal-log-empty = Inget har gallrats.
disposal-log-column = { $name ->
        [disposed-at] Gallrad
        [disposed-by] Gallrad av
        [kind] Slag
        [id] Id
        [channel] Kanal
        [board] Nämnd
        [address] Adress
        [item-date] Handlingens datum
        [diary-number] Diarienummer
        [rule] Regel
        [period] Gallringsfrist
        [decision] Gallringsbeslut
        [run-reference] Referens för gallringen
        [files] Raderade filer
       *[other] kolumnen { $name }
    }

## lead: the desktop's surroundings
desktop-no-viewer = Inget program kunde öppna { $path } ({ $detail }): installera ett program som visar PDF och bilder, eller öppna filen i datamappen.
desktop-no-file-manager = Ingen filhanterare kunde visa { $path } ({ $detail }): filen ligger i datamappen.
dialog-choose-folder = Välj mappen där paketen ska sparas

## lead: the validators' sentences (issue 11)
url-empty = en adress är tom: skriv sidans fullständiga adress, t.ex. https://www.facebook.com/nackakommun
url-space = ”{ $url }” innehåller ett mellanslag, vilket en sidadress aldrig har: kopiera adressen på nytt från webbläsarens adressfält (ett mellanslag i en adress skrivs %20)
url-invisible = ”{ $url }” innehåller det osynliga tecknet { $code }, vilket en sidadress aldrig har: kopiera adressen på nytt från webbläsarens adressfält
url-backslash = ”{ $url }” innehåller ett omvänt snedstreck (\): webbadresser har / mellan delarna; kopiera adressen från webbläsarens adressfält
url-no-scheme = ”{ $url }” är ingen webbadress: börja den med https://, t.ex. https://{ $url }
url-invalid = ”{ $url }” är ingen giltig webbadress ({ $detail }): kopiera adressen från webbläsarens adressfält
url-scheme = ”{ $url }” är ingen adress till en webbsida: adresser som börjar med ”{ $scheme }:” kan inte fångas, bara http://- och https://-adresser kan arkiveras; kopiera adressen från webbläsarens adressfält
url-no-host = ”{ $url }” är ingen giltig webbadress: skriv den som https://värd/sökväg, t.ex. https://www.example.se/sida
url-sign-in = adressen { $url } innehåller ett användarnamn eller lösenord före ”@”: skriv aldrig inloggningsuppgifter i en adress, eftersom adressen sparas i förteckningen, i varje ögonblicksbild och paket och i CSV-exporter; ange adressen utan dem ({ $clean }) och logga in via organisationens webbläsarprofil i stället: ”Logga in på plattformen” i programmet
text-direction = { $field } ”{ $value }” innehåller det osynliga skrivriktningstecknet { $code }, som gör att texten visas i en annan ordning än den är sparad: ta bort det (skriv texten på nytt i stället för att klistra in den)
text-control = { $field } ”{ $value }” innehåller styrtecknet { $code }{ $multiline ->
        [true] {""}
       *[false] {" "}(radbrytningar hör hemma i anteckningarna)
    }: fälten rymmer bara vanlig text; ta bort det (skriv texten på nytt i stället för att klistra in den)
channel-name-empty = namnet är tomt: skriv kanalens namn som det visas på plattformen
channel-platform-missing = plattformen saknas: använd en av { $allowed }
channel-no-address = ingen adress är angiven: lägg till minst en sidadress, t.ex. https://www.facebook.com/nackakommun
channel-address-twice = adressen ”{ $url }” är angiven två gånger: ange varje adress en gång
unknown-word = { $what ->
        [platform] plattformen
        [schedule-policy] intervallet
        [channel-status] statusen
        [snapshot-reason] skälet
        [snapshot-status] statusen
        [file-role] filens roll
        [channel-field] fältet
        [kind-of-removed-item] slaget av borttaget innehåll
        [removal-action] åtgärden
        [disposed-kind] slaget
        [role] rollen
        [action] åtgärden
       *[other] värdet
    } ”{ $given }” finns inte: använd en av { $allowed }
csv-row = rad { $row }: { $problems }
csv-row-fields = raden har { $fields } fält men rubrikraden har { $header }: leta efter ett avgränsningstecken för mycket eller ett ; eller , utan citattecken runt fältet
csv-status-closed = statusen ”{ $status }” kan inte importeras: Ögonblick avvecklar en kanal först när ögonblicksbilden före avvecklingen är paketerad och kontrollerad; skriv ”under avveckling” för att påbörja avvecklingen, eller utelämna raden om kontot redan är borta och dess material arkiverat på annat sätt
csv-address-in-row = adressen ”{ $url }” finns också på rad { $row }: ange varje adress en gång
csv-address-registered = adressen ”{ $url }” finns redan i förteckningen, på kanal { $id } (”{ $name }”): ta bort raden eller ange en annan adress
page-address-bad = Sidan { $url } kunde inte fångas: { $why }
file-thumbnail-width = en miniatyrbild kan inte vara { $width } pixlar bred: ange 1 till { $max }
file-no-page = ögonblicksbilden { $snapshot } har { $pages ->
        [one] 1 sida
       *[other] { $pages } sidor
    }; sida nummer { $index } (räknat från 0) finns inte: ange 0 till { $last }
file-no-png = sida { $page } ({ $url }) i ögonblicksbilden { $snapshot } har ingen PNG-bild: ta en ny ögonblicksbild av kanalen
file-no-png-failed = sida { $page } ({ $url }) i ögonblicksbilden { $snapshot } har ingen PNG-bild (fångsten misslyckades: { $why }): ta en ny ögonblicksbild av kanalen
file-bad-path = ”{ $path }” är ingen sökväg till en fil i ögonblicksbilden { $snapshot }: ange en sökväg som den står i ögonblicksbildens fillista, t.ex. `page-01.png`
file-not-recorded = ögonblicksbilden { $snapshot } har ingen fil { $path }: ange en av filerna i dess historikpost
file-unreadable = { $folder ->
        [true] mappen för filen
       *[false] filen
    } { $path } i ögonblicksbilden { $snapshot } kan inte läsas ({ $detail }): kontrollera datamappen, eller kör `ogonblick reindex` om den har flyttats
file-outside = filen { $path } i ögonblicksbilden { $snapshot } leder ut ur ögonblicksbildens mapp och öppnas inte. Leta i datamappen efter länkar som någon lagt dit för hand
file-bad-image = bilden { $path } kan inte läsas ({ $detail }): filen kan vara skadad; kontrollera ögonblicksbilden eller ta en ny
file-thumbnail-encode = miniatyrbilden kunde inte skapas: { $detail }
reindex-settings-unreadable = { $path } kan inte läsas ({ $detail }); inställningarna är återställda till standard
reindex-not-channel-folder = { $path } är ingen kanalmapp och hoppades över
reindex-snapshot-elsewhere = { $path } beskriver ögonblicksbilden { $snapshot } av kanal { $channel }, inte den här mappen, och hoppades över
reindex-snapshot-file-missing = mappen { $folder } saknar filen { $file } (eller filen har en annan storlek); ögonblicksbilden registrerades inte, så ingen post pekar på en fil som saknas
reindex-manifest-unreadable = { $path } saknas eller kan inte läsas ({ $detail }); mappen registrerades inte
reindex-channel-other = { $path } innehåller kanal { $found } i stället för { $id }
reindex-channel-unreadable = { $path } saknas eller kan inte läsas ({ $detail })
reindex-channel-from-snapshot = kanal { $id } återställdes från uppgifterna i dess senaste ögonblicksbild; ändringar gjorda efter den är förlorade
reindex-channel-skipped = kanal { $id } kunde inte återställas och hoppades över
reindex-address-elsewhere = adressen ”{ $url }” för kanal { $id } finns också på en annan kanal och behölls bara där
reindex-grounds-unreadable = { $path } kan inte läsas ({ $detail }); grunderna för borttagning är återställda till standard
reindex-audit-line = rad { $line } i { $path } kan inte läsas ({ $detail }) och hoppades över
reindex-set-unreadable = { $path } kan inte läsas ({ $detail }); kanalerna i den återställs från sina ögonblicksbilder där sådana finns
reindex-removal-unreadable = { $path } kan inte läsas ({ $detail }); posten om borttaget innehåll registrerades inte
reindex-removal-elsewhere = { $path } beskriver inte posten { $id } om borttaget innehåll i kanal { $channel } med versionerna 1, 2, …; den registrerades inte
reindex-removal-file-missing = mappen { $folder } saknar filen { $file } (eller filen har en annan storlek); posten registrerades inte, så ingen post pekar på en fil som saknas
field-name = namnet
field-board = nämnden
field-unit = enheten
field-responsible = den ansvariga
field-substitute = ersättaren
field-purpose = syftet
field-audience = målgruppen
field-notes = anteckningarna
field-author = författaren
field-removed-by = den som tog bort
field-text = texten
field-diary-number = diarienumret
field-police-report = polisanmälans referens
field-ground-text = grundens text
field-contact-message = meddelandet till författaren
field-forwarded-to = mottagaren
field-certified-by = den som bestyrkte
field-ground = grunden
field-secrecy = sekretessbestämmelsen
field-mark-note = anteckningen
field-login = inloggningsnamnet
field-decision = beslutet

## lead: the store's sentences (issue 11)
store-invalid = { $problems }.
csv-not-utf8 = { $path } är inte UTF-8-text: spara filen i Excel som ”CSV UTF-8” och importera igen.
csv-empty = { $path } är tom: den behöver en rubrikrad (namn;plattform;adresser;…) och en rad per kanal.
csv-open-quote = { $path }: citattecknet (") som inleder ett fält på rad { $line } stängs aldrig, så allt efter det skulle läsas som ett enda fält. Stäng fältet med ett andra " eller ta bort citattecknet (ett citattecken inuti ett fält med citattecken skrivs "").
csv-column-twice = kolumnen ”{ $column }” finns två gånger
csv-column-unknown = kolumnen ”{ $column }” är okänd: använd namn, plattform, adresser, nämnd, enhet, ansvarig, ersättare, syfte, målgrupp, intervall, status, anteckningar (eller de engelska { $known })
csv-column-missing = kolumnen ”{ $column }” saknas
csv-no-rows = { $path } har en rubrikrad men inga rader: lägg till en rad per kanal.
csv-cannot-write = CSV-filen kan inte skrivas: { $detail }
csv-unreadable = { $path } kan inte läsas som CSV{ $row ->
    [0] {""}
   *[other] {" "}på rad { $row }
    } ({ $detail }): kontrollera citattecknen på den raden.
store-schema-newer = Förteckningens databas har schemaversion { $current }, nyare än den här versionen av Ögonblick känner till ({ $known }). Installera den nyare versionen av Ögonblick.
store-no-parent = { $path } har ingen överordnad mapp.
store-symlink = { $path } är en symbolisk länk: en ögonblicksbilds mapp innehåller bara vanliga filer.
store-no-channel = Ingen kanal har id { $id }: kör `ogonblick channel list` för att se id:na.
store-snapshot-exists = Det finns redan en ögonblicksbild med id { $id }: använd ett nytt id.
store-snapshot-busy = Ögonblicksbilden { $id } tas redan av en annan körning: vänta tills den är klar.
store-staging-mismatch = Ögonblicksbilden (id { $id }, kanal { $channel }) hör inte till den här arbetsmappen (id { $staging_id }, kanal { $staging_channel }).
store-file-twice = Filen { $path } är förtecknad två gånger.
store-file-not-staged = Den förtecknade filen { $path } finns inte i arbetsmappen { $dir }.
store-file-mismatch = Filen { $path } har storleken { $size } och SHA-256 { $sha256 }, men förteckningen säger storleken { $recorded_size } och SHA-256 { $recorded_sha256 }.
store-snapshot-folder-exists = Ögonblicksbildens mapp { $path } finns redan: använd ett nytt id.
store-commit-busy = Förteckningen var upptagen i { $minutes } minuter (ett annat Ögonblick-program skriver i den). Ögonblicksbildens mapp { $folder } är sparad och fullständig, och nästa gång Ögonblick startar förtecknas den (eller kör `ogonblick reindex`).
store-commit-conflict = { $cause } (ögonblicksbildens mapp { $folder } är sparad och fullständig; kör `ogonblick reindex` för att förteckna den)
store-commit-unrecorded = Ögonblicksbildens mapp { $folder } är sparad och fullständig, men förteckningen kunde inte förteckna den ({ $cause }): kör `ogonblick reindex`.
store-no-snapshot = Ingen ögonblicksbild har id { $id }: kör `ogonblick history` för att se ögonblicksbilderna.
store-bad-snapshot-id = ”{ $id }” kan inte vara id för en ögonblicksbild: använd bara bokstäver, siffror, ”-”, ”_” och ”.”.
store-bad-file-path = Sökvägen ”{ $path }” är inte en enkel relativ sökväg inuti ögonblicksbildens mapp.
store-snapshot-inconsistent = Ögonblicksbilden { $id }: { $problem ->
    [complete-unfinished] en fullständig ögonblicksbild behöver alla sidor tagna
    [complete-without-files] en fullständig ögonblicksbild behöver filer för varje sida
    [failed-with-files] en misslyckad ögonblicksbild har inga filer
   *[failed-with-pages] en misslyckad ögonblicksbild har ingen tagen sida; kalla den ofullständig
    }
store-channel-closed = Kanalen { $id } är avvecklad och dess uppgifter i förteckningen är arkiverade: de kan inte ändras.
csv-bad-header = Rubrikraden i { $path } är fel: { $problems }.
store-channel-status-order = Kanalen { $id } är { $status ->
    [active] aktiv
    [closing] under avveckling
   *[other] avvecklad
    }{ $dated ->
    [true] {" "}sedan { $since }
   *[other] {""}
    }: { $wanted ->
    [closing] bara en aktiv kanal kan börja avvecklas
   *[other] bara en kanal under avveckling kan avvecklas, efter att dess paket före avvecklingen har kontrollerats
    }.
store-url-taken = adressen ”{ $url }” är redan registrerad på kanalen { $id } (”{ $name }”): varje adress hör till en kanal, så ändra den kanalen eller ange en annan adress
store-urls-taken = { $problems }.
store-removal-busy = Posten { $id } om borttaget innehåll skrivs av ett annat Ögonblick-program: försök igen om en stund.
store-bad-ground = Grund { $n } (”{ $code }”) behöver ett kortnamn av a–z, 0–9 och ”-” och en svensk och en engelsk formulering.
store-ground-twice = Grunden ”{ $code }” finns två gånger i listan.
store-removal-exists = Det finns redan en post om borttaget innehåll med id { $id }: använd ett nytt id.
store-removal-unrecorded = Postens mapp { $folder } är sparad och fullständig, men förteckningen kunde inte förteckna den ({ $cause }): kör `ogonblick reindex`.
store-removal-fixed = En ny version av posten { $id } kan inte byta kanal eller underlag.
store-no-removal = Ingen post om borttaget innehåll har id { $id }: kör `ogonblick removal list` för att se posterna.
store-bad-removal-id = ”{ $id }” kan inte vara id för en post: använd bara bokstäver, siffror, ”-” och ”_”.
store-removal-needs-file = En post med en fil som underlag behöver filen.
store-no-channel-snapshot = Ingen ögonblicksbild har id { $id }: kör `ogonblick history --channel { $channel }` för att se kanalens ögonblicksbilder.
store-snapshot-other-channel = Ögonblicksbilden { $id } är av kanalen { $of }, inte av kanalen { $channel }: länka en ögonblicksbild av samma kanal.
store-not-image = { $path } är inte en PNG-, JPEG- eller PDF-fil.
store-file-too-large = { $path } är större än { $mib } MiB.
store-disposal-other-channel = { $kind ->
    [snapshot] Ögonblicksbilden
   *[other] Posten
    } { $id } hör inte till kanalen { $channel }.
store-disposal-wrong-folder = { $kind ->
    [snapshot] Ögonblicksbilden
   *[other] Posten
    } { $id } är förtecknad i { $folder }, inte i sin egen mapp: kör `ogonblick reindex`.
store-bad-disposal-id = ”{ $id }” kan inte vara id för en gallring: använd bara bokstäver, siffror, ”-” och ”_”.
store-unreadable = { $path } kan inte läsas ({ $detail }): kör `ogonblick reindex`.
store-manifest = Manifestet kan inte skrivas: { $detail }
store-no-authority = Ögonblicksbilden { $id } skickades inte till tidsstämplingstjänst nummer { $n }.
store-not-pending = Ögonblicksbilden { $id } väntar inte på någon tidsstämpel (ingen tidsstämplingstjänst var inställd när den sparades).
store-import-busy = Ett annat program skriver kanalerna { $channels }: importera igen om en stund.
store-staging-extra = Arbetsmappen har filer som inte är förtecknade: { $files }.

# h-evid: tidsstämplingstjänsternas tidsgräns, signerarens certifikat
timestamp-bad-timeout = { $seconds } sekunder går inte att ge en tidsstämplingstjänst att svara på: ange { $min } till { $max } sekunder

## h-deb: the first run (setup of a new data folder) and exporting without an organisation
export-no-organisation = Organisationens namn saknas, och arkivpaketet behöver det: fyll i det under Inställningar → Organisation (eller kör ogonblick settings set --name "…").
setup-name-missing = Skriv organisationens namn, till exempel "Nacka kommun": det står i varje arkivpaket.
setup-browser-found = Webbläsaren finns: { $path }.
setup-browser-missing = Ingen Chromium, Chrome eller Edge hittades. Installera Chromium (Debian och Ubuntu: sudo apt-get install chromium) eller Google Chrome, eller ange webbläsarens sökväg i OGONBLICK_CHROMIUM.
setup-font-found = Emojitypsnittet finns: { $path }.
setup-font-missing = Typsnittet Noto Color Emoji saknas, så emojier blir tomma rutor i ögonblicksbilderna. Installera det (Debian och Ubuntu: sudo apt-get install fonts-noto-color-emoji).

## h-ui19: Översikt as a document for a board's report
overview-doc-title = Översikt: läget per nämnd och enhet
overview-doc-board = Nämnd: { $board }
overview-doc-all-boards = Alla nämnder
overview-doc-made = { $organisation } – upprättad { $at } av { $by }
overview-doc-counts = Antal kanaler per nämnd och enhet
overview-doc-rows = Kanalerna
overview-doc-empty = Förteckningen har inga kanaler för urvalet.
overview-doc-none = (ingen)
overview-doc-total = Totalt
overview-doc-column = { $name ->
        [board] Nämnd
        [unit] Enhet
        [channel] Kanal
        [channels] Kanaler
        [documented] Dokumenterad
        [due] Ska tas nu
        [overdue] Försenad
        [failed] Misslyckad
        [closing] Under avveckling
        [no-substitute] Ersättare saknas
        [state] Läge
        [last-complete] Senaste fullständiga
        [responsible] Ansvarig
       *[substitute] Ersättare
    }
overview-doc-state = { $state ->
        [not-due] Dokumenterad för perioden
        [due] Ska tas nu
        [overdue] Försenad
        [closure-due] Slutlig bild inför avveckling
        [closed] Avvecklad
        [manual] Bara manuellt
       *[other] Läge { $state }
    }
overview-unknown-board = Nämnden ”{ $board }” har inga kanaler i förteckningen: välj en av { $known }

## h-diff: comparisons of snapshots and suggested major changes
warn-comparison-failed = Sidan kunde inte jämföras med ögonblicksbilden { $snapshot } ({ $detail }); ögonblicksbilden sparades ändå.
change-same-snapshot = Välj två olika ögonblicksbilder att jämföra.
change-page-unreadable = Sidan { $url } kunde inte jämföras ({ $detail }): kontrollera ögonblicksbildens filer med verify.
change-nothing-in-common = Ögonblicksbilderna { $older } och { $newer } har ingen sida med samma adress: välj två ögonblicksbilder av samma kanal.
change-no-suggestion = Ögonblicksbilden { $snapshot } föreslår ingen större förändring som väntar på svar: se listan med `ogonblick changes`.
change-note-missing = Beskriv den större förändringen (till exempel ny profilbild eller nytt namn).
change-report-title = Vad som ändrats: ögonblicksbilden { $newer } jämförd med { $older }
change-report-made = Sammanställd { $at } av { $by }.
change-report-verdict = { $major ->
        [yes] Jämförelsen tyder på en större förändring av kanalen.
       *[other] Jämförelsen tyder inte på någon större förändring av kanalen.
    }
change-report-rows = Sidor
change-report-column = { $name ->
        [page] Sida
        [similarity] Likhet
        [identity] Ändrat i kanalens identitet
        [regions] Ändrade områden
        [removed] Borttagen text
       *[added] Tillagd text
    }
change-similarity = texten { $text } %, överdelen { $header } %
change-signal-name = { $name ->
        [title] sidans titel
        [address] slutadressen
        [header-text] namn eller beskrivning
        [header-image] profil- eller omslagsbild
       *[rules-page] om- eller regelsida
    }

## h-win: setting the comparison thresholds
comparison-bad-setting = { $value } går inte att använda som jämförelsernas { $setting ->
        [header_height] höjd på det övre fältet (bildpunkter)
        [tile_size] rutstorlek (bildpunkter)
        [tile_distance] antal bitar en rutas bild får skilja sig
        [colour_distance] färgändring en ruta får ha
        [header_tiles] antal ändrade rutor i det övre fältet som tyder på en större förändring
        [header_text_similarity] likhet för det övre fältets text under vilken en större förändring föreslås
        [rules_page_text_similarity] likhet för text på regelsidan under vilken en större förändring föreslås
       *[other] inställning { $setting }
    }: ange { $min } till { $max }
# h-roles: roles and the role check.
role-name = { $role ->
        [handlaggare] handläggare
        [arkivarie] arkivarie
        [chef] chef
        [administrator] administratör
       *[other] rollen { $role }
    }
role-action = { $action ->
        [capture] ta ögonblicksbilder
        [major-change] registrera en större förändring
        [removal-record] föra in borttaget innehåll
        [certify-removal] intyga borttaget innehåll
        [register-edit] ändra i förteckningen
        [export] skapa arkivpaket
        [closure] avveckla kanaler
        [diary-number] sätta diarienummer
        [mark] skyddsmarkera
        [retention] ändra bevarande- och gallringsregler eller spärrar
        [removal-grounds] ändra grunderna för borttagning
        [disposal] gallra
        [report] skriva rapporter
        [reindex] bygga om registret
        [settings] ändra inställningarna
        [roles] ändra roller
       *[other] göra { $action }
    }
role-refused = { $login } är { $has } och får inte { $action }; det får bara { $needed }. En administratör kan ge dig rätt roll (ogonblick role set).
role-refused-unit = { $login } är handläggare för { $units } och får inte { $action } för kanalen { $channel }, som { $unit }. En handläggare får bara arbeta med kanalerna i sina enheter: be en administratör lägga till enheten (ogonblick role set --unit).
role-channel-unit = hör till enheten { $unit }
role-channel-no-unit = saknar enhet i förteckningen
role-none = { $login } har ingen roll i registret och får inte { $action }; det får bara { $needed }. Be en administratör ge dig en roll (ogonblick role set).
role-no-login = Det går inte att se vem som är inloggad, så ingen roll kan slås upp och ingen får { $action }. Logga in som dig själv (inloggningsnamnet i $USER eller %USERNAME%).
role-last-administrator = { $login } är den sista administratören: ge först någon annan rollen administratör, eller ta bort alla roller för att stänga av rollerna.
role-not-set = { $login } har ingen roll i registret: se ogonblick role list.
role-first-without-login = Registret har inga roller än, och den som ger den första rollen blir också administratör. Men Ögonblick vet inte vem du är: varken USER, LOGNAME eller USERNAME är satt. Ge först dig själv rollen administratör (ogonblick role set DIN-INLOGGNING --role administrator), eller sätt USER, och ge sedan { $login } sin roll. Ingenting har ändrats.
role-nothing-given = Ange minst en roll för { $login }: handlaggare, arkivarie, chef eller administrator.
role-units-without-handlaggare = Enheter gäller bara handläggare: ge { $login } rollen handlaggare, eller utelämna --unit.
role-handlaggare-without-unit = En handläggare arbetar med kanalerna i sina enheter: ange minst en enhet för { $login } med --unit.
role-bad-login = { $login } är inget inloggningsnamn: ange namnet som datorn känner användaren under, utan mellanslag.
## lead: the export preview (issue 19)
export-no-out = Ange `--out`, filen eller mappen som paketet ska skrivas till, eller `--dry-run` för att bara se vad paketet skulle innehålla.

## h-close: undoing a closure, and the account deleted on the platform
close-undo-not-closing = Kanal { $id } är { $status ->
        [active] aktiv
       *[other] avvecklad
    }, inte under avveckling: det finns ingen påbörjad avveckling att ångra.
close-undo-too-late = Avvecklingen av kanal { $id } kan inte längre ångras: den slutliga ögonblicksbilden { $snapshot } är redan tagen. Slutför avvecklingen (granska, exportera och kontrollera arkivpaketet) i stället.
close-deleted-not-closed = Kanal { $id } är { $status ->
        [active] aktiv
       *[other] under avveckling
    }, inte avvecklad: slutför avvecklingen (ogonblick close-complete { $id }) innan kontot raderas på plattformen och raderingen registreras.
close-deleted-bad-date = ”{ $value }” är inget datum: skriv dagen då kontot raderades som ÅÅÅÅ-MM-DD, t.ex. 2027-03-14.
close-deleted-future = Datumet { $date } har inte kommit än (i dag är det { $today }): ange dagen då kontot raderades på plattformen.
close-deleted-before-start = Datumet { $date } är före avvecklingens start { $started }: ange dagen då kontot raderades på plattformen, som ska vara efter att avvecklingen påbörjades.

## h-diff: the comparison report's pictures
change-report-figures = Sidornas överdel: den äldre och den nyare bilden, ändrade områden markerade (i det övre fältet med kanalens namn, bilder och beskrivning i lila, annars i rött)
change-report-figure = { $which ->
        [older] Äldre
       *[other] Nyare, ändrade områden markerade
    }: { $url }

## h-voc: the use cases' last refusals in plain text, a capture's cut feed, a skipped channel
app-fault = Ögonblick fick ett internt fel ({ $detail }): försök igen, och rapportera felet och vad du gjorde om det händer igen.
register-nothing-to-change = Inget att ändra: ange minst ett fält att ändra, t.ex. --name eller --add-url.
register-no-such-address = Kanal { $id } har ingen adress '{ $url }': dess adresser är { $urls }.
register-csv-is-folder = { $path } är en mapp: ange ett filnamn, t.ex. register.csv.
register-csv-no-folder = Mappen { $folder } finns inte: skapa den eller ange ett annat filnamn.
closure-not-final = Ögonblicksbilden { $snapshot } är inte kanal { $id }s fullständiga slutliga ögonblicksbild: ta den slutliga ögonblicksbilden inför avvecklingen igen och granska den.
closure-package-unverified = Arkivpaketet { $package } klarade inte kontrollen ({ $problems }): exportera det igen.
verify-problem-at = { $path }: { $what }
reindex-no-data-dir = { $path } finns inte: ange med `--data-dir` mappen som innehåller mappen `channels/`.
config-bad-test-now = { $var }={ $value } är ingen RFC 3339-tid: ta bort variabeln eller ange t.ex. 2025-01-02T10:00:00Z.
config-no-home = Hittar ingen hemmapp att spara data i: ange --data-dir MAPP eller sätt OGONBLICK_DATA_DIR.
config-operator-empty = Operatörens namn är tomt: ange --operator NAMN eller sätt OGONBLICK_OPERATOR.
config-data-dir-empty = Datamappen är tom: ange --data-dir MAPP.
config-data-dir-file = { $path } är en fil, inte en mapp: ange en mapp med --data-dir.
export-manifest-unreadable = Ögonblicksbildens mapp { $folder } saknar en läsbar { $file }: kör `ogonblick reindex` eller återställ mappen.
export-manifest-other = { $file } i { $folder } hör till en annan ögonblicksbild: kör `ogonblick reindex`.
export-inside-data-dir = { $path } ligger i Ögonblicks datamapp { $data_dir }, som innehåller förteckningen och ögonblicksbilderna: spara arkivpaketet i en mapp utanför den (t.ex. mappen Dokument eller e-arkivets överföringsmapp).
export-no-match = Ingen ögonblicksbild stämmer med urvalet: kontrollera kanal, nämnd och period (bara fullständiga ögonblicksbilder tas med i arkivpaketet om du inte tar med ofullständiga).
export-no-archive-creator = Arkivbildaren är oklar: ange `--archive-creator NÄMND` eller ställ in arkivpaketens standardvärden.
package-retention-needs-decision = Gallring efter N år kräver gallringsbeslutets referens.
login-browser-watch = Kan inte följa inloggningswebbläsaren: { $detail }
capture-no-channels = Ange minst en kanal att ta ögonblicksbild av: se `ogonblick channel list`.
schedule-settings-unusable = Organisationens intervallinställningar går inte att använda: { $why }. Rätta dem i inställningarna.
schedule-settings-json = intervallinställningarna är ogiltiga: { $detail }
schedule-bad-day = '{ $given }' är ingen dag på året: { $detail }
schedule-window-count = { $policy ->
        [half-yearly] det halvårsvisa intervallet
        [yearly] det årliga intervallet
       *[other] intervallet { $policy }
    } behöver exakt { $expected } perioder, inställningarna har { $got }: { $policy ->
        [half-yearly] en på våren och en på hösten, t.ex. 03-01–04-30 och 10-01–11-30
       *[other] t.ex. 10-01–11-30
    }
schedule-window-in-blackout = perioden { $window } ({ $policy }) ligger helt inom uppehållet { $blackout }: ingen ögonblicksbild kan någonsin behöva tas i den; flytta perioden eller korta uppehållet
schedule-window-split = uppehållet { $blackout } delar perioden { $window } ({ $policy }) i två: dela perioden i två perioder eller flytta uppehållet
schedule-windows-overlap = perioderna { $a } och { $b } ({ $policy }) överlappar (när uppehållen är borträknade): skilj dem åt
schedule-unknown-timezone = okänd tidszon '{ $timezone }': ange ett IANA-namn som Europe/Stockholm
schedule-bad-instant = '{ $given }' är inget datum och ingen tid: ange ÅÅÅÅ-MM-DD (klockan 12, tid i { $timezone }) eller en RFC 3339-tid som 2027-03-01T08:00:00+01:00.
roles-unreadable = { $path } kan inte läsas ({ $detail }): återställ filen från en säkerhetskopia.
scheduler-state-unreadable = Kan inte läsa { $path } ({ $detail }): kontrollera behörigheterna för datamappen.
truncated-tall = sidan är { $height } px hög; ögonblicksbilden behåller de första { $kept } px
truncated-height-cap = rullningen stoppades vid höjdgränsen { $cap } px; sidan kan fortsätta (ändlöst flöde)
truncated-time-cap = rullningen stoppades efter tidsgränsen { $secs } s vid { $at } px; sidan kan fortsätta (ändlöst flöde)
capture-done-meanwhile = kanal { $id } fångades av en annan körning under tiden
desktop-no-path = { $what ->
        [disposal-log] Inget filnamn för gallringsloggen
        [package-file] Inget filnamn för arkivpaketet
        [package-folder] Ingen mapp för arkivpaketen
        [package] Inget arkivpaket
        [csv] Ingen CSV-fil
        [overview] Inget filnamn för översikten
       *[other] Inget filnamn
    } angavs: välj en fil först.
cli-urls-both = `--url` ersätter alla adresser: använd antingen `--url` eller `--add-url`/`--remove-url`, inte båda.
cli-url-one-channel = `--url` fångar en adress för en kanal: ange exakt ett kanal-id.
cli-policy-or-default = { $why } (eller 'default' för organisationens standard)
cli-bad-channel-id = '{ $given }' är inget kanal-id: ange numret som `ogonblick channel list` visar.
cli-bad-date = '{ $given }' är inget datum: ange ÅÅÅÅ-MM-DD eller en RFC 3339-tid.
cli-bad-format = Okänt format '{ $given }': ange zip eller tar.
cli-bad-removals = Okänt värde för `--removals` '{ $given }': ange `none`, `with` eller `only`.
cli-timestamps-pending = { $count } ögonblicksbilder väntar fortfarande på en tidsstämpel: kontrollera tidsstämplingstjänstens adress och nätverket och kör sedan `ogonblick timestamp --pending` igen.
cli-bad-setting-key = Okänd inställning '{ $given }': ange någon av { $known }.
cli-settings-nothing = Inget att ändra: ange t.ex. `--name`, `--default-policy` eller `--tsa-url`.

# h-review
timestamp-state-damaged = Tidsstämpelposten för ögonblicksbilden { $snapshot } är skadad: dess kontrollsumma för manifestet, ”{ $given }”, är ingen SHA-256; kör `ogonblick reindex` för att läsa in den igen från ögonblicksbildens timestamp.json och sedan `ogonblick timestamp --pending`
# h-ui19: the organisation's list of boards and units; bulk edits.
org-board-unknown = Nämnden ”{ $board }” finns inte i organisationens lista ({ $known }): välj en nämnd ur listan, eller lägg till den under Inställningar → Nämnder och enheter (`ogonblick org board add "{ $board }"`).
org-unit-unknown = Enheten ”{ $unit }” finns inte under { $board } i organisationens lista ({ $known }): välj en enhet ur listan, eller lägg till den under Inställningar → Nämnder och enheter (`ogonblick org unit add "{ $board }" "{ $unit }"`).
org-unit-needs-board = Enheten ”{ $unit }” saknar nämnd: välj först nämnden som enheten hör till.
org-no-such-board = Nämnden ”{ $board }” finns inte i organisationens lista ({ $known }): kontrollera stavningen med `ogonblick org list`.
org-no-such-unit = Enheten ”{ $unit }” finns inte under { $board } ({ $known }): kontrollera stavningen med `ogonblick org list`.
org-board-exists = Nämnden ”{ $board }” finns redan i organisationens lista.
org-unit-exists = Enheten ”{ $unit }” finns redan under { $board }.
org-board-in-use = Nämnden ”{ $board }” används av { $channels ->
        [one] en kanal
       *[other] { $channels } kanaler
    }: flytta kanalerna till en annan nämnd först, eller byt namn på nämnden i stället.
org-unit-in-use = Enheten ”{ $unit }” under { $board } används av { $channels ->
        [one] en kanal
       *[other] { $channels } kanaler
    }: flytta kanalerna till en annan enhet först, eller byt namn på enheten i stället.
org-name-empty = Namnet är tomt: ange nämndens eller enhetens namn.
bulk-no-channels = Inga kanaler valda: välj minst en kanal.
## h-rem3: removal records' change notes, the police report, a capture-first that failed
removal-note-certified = bestyrkt av { $by }
removal-note-corrected = rättelse
removal-note-corrected-because = rättelse: { $reason }
removal-note-recaptured = fångad på nytt: ögonblicksbild { $snapshot }
removal-note-diary-set = diarienummer { $number }
removal-note-diary-removed = diarienummer borttaget
removal-police-contradicts = Polisanmälan kan inte vara både ”nej” och ha diarienummer eller datum hos polisen: ange `--police-reported` (ja) eller ta bort `--police-report` och `--police-report-date`.
removal-capture-first-failed = Posten { $id } är sparad, men fångsten av { $url } misslyckades ({ $why }); den misslyckade ögonblicksbilden { $snapshot } visar vad som prövades. Fånga igen med `ogonblick removal recapture { $id }`, eller rätta posten med din egen skärmbild om inlägget redan är borta.
## h-docs: arkivpaketens dokument för människor (förteckningen och
## how-the-snapshots-were-taken.md), på organisationens språk
date-time-utc = { $day } kl. { $time } UTC
doc-retention-preserve = Bevaras
doc-retention-dispose = Gallras efter { $years } år enligt gallringsbeslut { $decision }
doc-platform = { $platform ->
        [facebook] Facebook
        [instagram] Instagram
        [x] X (Twitter)
        [youtube] YouTube
        [linkedin] LinkedIn
        [tiktok] TikTok
        [threads] Threads
        [mastodon] Mastodon
        [flickr] Flickr
        [blog] blogg
       *[other] annan plattform
    }
doc-reason = { $reason ->
        [half-yearly] halvårsvis
        [yearly] årsvis
        [major-change] större förändring
        [pre-closure] inför avveckling
        [single-item] enskild adress
       *[ad-hoc] vid behov
    }
doc-status = { $status ->
        [complete] fullständig
        [partial] ofullständig
       *[failed] misslyckad
    }
doc-how-title = Hur ögonblicksbilderna togs
doc-how-made = Leveranspaketet skapades med { $software } för { $organisation }. Det följer FGS Paketstruktur 2.0 (E-ARK CSIP 2.1.0 och E-ARK SIP 2.1.0).
doc-how-method = Varje sidadress för en kanal öppnades i webbläsaren Chromium, utan synligt fönster och med en fast storlek på visningsytan. Dialogrutor om samtycke (kakor) stängdes där verktyget kände igen dem, och vad som klickades på står för varje sida; inloggnings- eller samtyckesspärrar som inte gick att passera står angivna som sådana. Sidan rullades till slutet (ändlösa flöden avbryts vid en höjd- eller tidsgräns, vilket står angivet), fångades som skärmbilder av hela sidan i delbilder som fogades samman till en PNG-fil, och skrevs ut av webbläsaren till PDF, som sedan gjordes om till PDF/A-2b (identifiering i XMP, färgprofil sRGB, inbäddade typsnitt). Varje fil fick en SHA-256-kontrollsumma när den sparades. Vid exporten räknades kontrollsumman om för varje fil när den kopierades in i paketet, och exporten avbröts vid minsta avvikelse.
doc-how-snapshots = Ögonblicksbilder
doc-how-snapshot = { $channel }, ögonblicksbild { $id }: anledning { $reason }, status { $status }, tagen { $at } av { $operator } på { $took }
doc-single-address = Enskild adress: { $url }
doc-how-page = { $url }: { $ok ->
        [true] fångad
       *[false] misslyckades
    } med { $tool } { $at }, webbläsare { $browser }
doc-page-figures = visningsyta { $width } × { $height } px, { $slices ->
        [one] 1 delbild
       *[other] { $slices } delbilder
    }, { $pdf_pages ->
        [one] 1 PDF-sida
       *[other] { $pdf_pages } PDF-sidor
    }, { $took }
doc-page-why = Orsak: { $why }
doc-how-retention = Gallring
doc-inv-title = Innehållsförteckning för leveranspaketet { $objid }
doc-inv-page = { $title } (sida { $n } av { $of })
doc-inv-label = Etikett: { $label }
doc-inv-made = Skapad { $at } med { $software }
doc-inv-organisation = Organisation: { $name }, organisationsnummer { $number }
doc-inv-creator = Arkivbildare: { $creator }   Levererande enhet: { $unit }
doc-inv-e-archive = E-arkiv: { $archive }   Leveransöverenskommelse: { $agreement }
doc-inv-classification = Klassificering: { $code }   Dokumenthanteringsplan: { $row }
doc-inv-retention = Gallring: { $retention }
doc-inv-snapshots = Ögonblicksbilder
doc-inv-snapshot = { $channel } – tagen { $at } – anledning: { $reason } – status: { $status } – { $diary }
doc-diary-number = dnr { $number }
doc-not-registered = ej diarieförd
doc-protection = skydd: { $marks }
doc-inv-page-line = { $ok ->
        [true] fångad
       *[false] misslyckades
    }: { $url }
doc-inv-files = Filer (SHA-256, storlek, format)
doc-inv-file = { $sha256 }  { $bytes } byte ({ $size })  { $format }
doc-format-unknown = okänt format
doc-inv-also = Dessutom: { $files } och documentation/inventory.pdf (denna fil). Deras kontrollsummor står i METS.xml och i paketets .sha256-fil.
doc-inv-web-archives = { $path } (webbarkiven, WACZ)
doc-removals = Borttaget innehåll
doc-inv-removal = { $id } – { $channel } – borttaget { $at } – { $kind }, { $action }
doc-ground = grund: { $ground }
doc-inv-removal-detail = { $url } – { $versions }{ $notes } – bevis: { $evidence }
doc-certified-by = , bestyrkt av { $by }
doc-police-reported = , polisanmäld
doc-evidence-snapshot = ögonblicksbild { $id }
doc-evidence-file = egen skärmbild { $name }
doc-how-removals-intro = Varje post om borttaget innehåll beskriver något som personalen tog bort, dolde eller blockerade i kanalen, dokumenterat utanför plattformen. Varje version av posten (den ändras aldrig, bara kompletteras) finns i `metadata/descriptive/removals/<post>/removal.xml` (schema `schemas/ogonblick-removal-record.xsd`). Beviset är en ögonblicksbild av innehållet i det här paketet, eller en skärmbild som personalen lade till för hand när innehållet redan var borta, sparad med sin SHA-256-kontrollsumma.
doc-how-removal = { $id } ({ $channel }): { $what } { $at } av { $by }
doc-versions = { $versions ->
        [one] 1 version
       *[other] { $versions } versioner
    }
# h-voc3: a day of the year, the package's refusals, a closure started, the CLI's reports.
day-form = skriv dagen som MM-DD, t.ex. 03-01 för 1 mars
day-no-month = månaden { $month } finns inte (använd 01–12)
day-no-day = månaden { $month } har dagarna 01–{ $max }
package-nothing = Det finns inga ögonblicksbilder att paketera: välj en kanal eller period som har ögonblicksbilder.
package-no-organisation = Organisationens namn saknas: fyll i det under Inställningar → Organisation innan du exporterar.
package-no-archive-creator = Arkivbildaren (nämnden) saknas: ange den nämnd som äger handlingarna.
package-no-folder = Mappen { $folder } finns inte: skapa den eller välj en annan.
package-exists = { $path } finns redan: välj ett annat namn (ett arkivpaket skrivs aldrig över).
package-snapshot-format = Ögonblicksbilden { $snapshot } har formatet ”{ $format }”, förväntat ”{ $expected }”.
package-snapshot-folder-missing = Ögonblicksbildens mapp { $folder } finns inte.
package-snapshot-file-outside = Ögonblicksbilden { $snapshot } anger filen ”{ $path }”, som ligger utanför dess mapp: filen `snapshot.json` är skadad.
package-snapshot-bad-path = Ögonblicksbilden { $snapshot }: felaktig sökväg ”{ $path }”.
package-not-a-file = { $path } är ingen fil.
package-evidence-name-taken = Ögonblicksbilden { $snapshot } har en sidfil med namnet { $name }, samma namn som dess manifest eller tidsstämpel: filen `snapshot.json` är skadad.
package-removal-no-version = En post om borttaget innehåll i { $folder } saknar version: dess `removal.json` är skadad.
package-removal-format = Posten om borttaget innehåll { $id } har formatet ”{ $format }”, förväntat ”{ $expected }”.
package-removal-twice = Posten om borttaget innehåll { $id } förekommer två gånger i exporten.
package-removal-evidence-missing = Posten om borttaget innehåll { $id }: dess bevis, ögonblicksbilden { $snapshot }, finns inte i arkivpaketet; ta med ögonblicksbilden i samma arkivpaket.
package-removal-file-outside = Posten om borttaget innehåll { $id } anger filen ”{ $path }”, som ligger utanför dess mapp: dess `removal.json` är skadad.
closure-started = Avvecklingen av kanal { $id } har påbörjats: ta en slutlig ögonblicksbild av varje adress, exportera och kontrollera arkivpaketet, och radera först därefter kontot på plattformen.
closure-step-name = { $step ->
        [start] påbörja avvecklingen
        [snapshot] slutlig ögonblicksbild
        [review] granska ögonblicksbilden
        [export] exportera arkivpaketet
        [verify] kontrollera arkivpaketet
        [close] markera som avvecklad
       *[deleted] kontot raderat på plattformen
    }
closure-step-state = { $state ->
        [done] klart
        [next] nästa
       *[open] -
    }
cli-column = { $column ->
        [kind] SLAG
        [id] ID
        [channel] KANAL
        [date] DATUM
        [rule] REGEL
        [decision] BESLUT
        [due-since] GALLRAS SEDAN
       *[kept-because] UNDANTAGEN EFTERSOM
    }
cli-package-written = Arkivpaketet { $objid } är skrivet: { $path } ({ $files ->
        [one] 1 fil
       *[other] { $files } filer
    }, { $snapshots ->
        [one] 1 ögonblicksbild
       *[other] { $snapshots } ögonblicksbilder
    }, { $bytes } byte)
cli-package-sha = SHA-256 { $sha256 }  (kontrollsummefil { $sidecar })
cli-preview-package = { $marked ->
        [true] Arkivpaket med markerade handlingar
       *[other] Arkivpaket
    }: { $snapshots ->
        [one] 1 ögonblicksbild
       *[other] { $snapshots } ögonblicksbilder
    }, { $removals ->
        [one] 1 post
       *[other] { $removals } poster
    } om borttaget innehåll, { $marks } markerade handlingar, { $bytes } byte i filer
cli-preview-snapshot-pages = { $pages ->
        [one] 1 sida
       *[other] { $pages } sidor
    }
cli-preview-removal = post om borttaget innehåll
cli-preview-nothing = Inget att paketera: ingen ögonblicksbild stämmer med urvalet.
cli-preview-without-snapshot = Varning: { $count ->
        [one] 1 kanal
       *[other] { $count } kanaler
    } saknar fullständig ögonblicksbild under perioden och dokumenteras inte av den här exporten:
cli-verify-ok = Godkänt: { $objid } — { $files ->
        [one] 1 fil
       *[other] { $files } filer
    }; alla kontrollsummor, storlekar, referenser{ $schemas ->
        [true] , scheman
       *[other] {""}
    } och kontrollsummefilen stämmer
cli-verify-not-ok = Inte godkänt: { $count } fel i { $package }
cli-closure-complete = Kanal { $id } ({ $name }) är avvecklad: slutlig ögonblicksbild { $snapshot }, arkivpaket { $package } kontrollerat
cli-closure-undone = Avvecklingen av kanal { $id } ({ $name }) är ångrad: kanalen har status { $status } igen
cli-closure-channel = Kanal { $id } ({ $name }): { $status }
cli-closure-decision = beslut:       { $decision }
cli-closure-diary = diarienummer: { $number }
cli-closure-deleted-on = raderat { $date }
cli-closure-can-undo = Avvecklingen kan fortfarande ångras: `ogonblick channel undo-close { $id }`
cli-dispose-due = Att gallra: { $count }
cli-dispose-kept = Att gallra men undantagna: { $count }
cli-disposed-of = Gallrade: { $count }
cli-disposed-item = { $kind } { $id } ({ $files ->
        [one] 1 fil
       *[other] { $files } filer
    }) enligt { $decision }
desktop-job-no-id = Ett jobb behöver ett id; fönstret skickar ett med varje långt kommando.
desktop-job-running = Jobbet { $job } pågår redan: vänta tills det är klart eller avbryt det.
desktop-scheduled-capture-running = Den schemalagda fångsten av kanalerna som ska fångas pågår just nu: vänta tills den är klar eller avbryt den.
desktop-due-capture-running = En fångst av kanalerna som ska fångas pågår redan: vänta tills den är klar eller avbryt den.
desktop-job-kind-running = Jobbet { $job } av samma slag pågår redan: vänta tills det är klart eller avbryt det.
desktop-scheduler-start = Schemaläggaren i bakgrunden kan inte startas: { $detail }
cli-hold-set = { $id } är undantagen från gallring: { $reason }
cli-hold-lifted = Undantaget från gallring för { $id } är hävt.
cli-diary-kept = Handlingarna med diarienummer { $number } { $keep ->
        [true] ska bevaras
       *[other] ska inte längre bevaras
    }.
cli-disposal-log-written = Gallringsloggen är skriven till { $path }.

## h-voc4: the audit log's events (the Swedish log)
audit-channel-added = Kanalen ”{ $name }” registrerades.
audit-channel-imported = Kanalen ”{ $name }” importerades från { $source }.
audit-channel-edited = Ändrade uppgifter: { $fields }.
audit-status = Status: { $from } → { $to }.{ $decision }{ $diary }
audit-decision = { " " }Beslut: { $decision }.
audit-diary-number = { " " }Diarienummer: { $number }.
audit-closed-on = Avvecklad med den slutliga ögonblicksbilden { $snapshot } och det kontrollerade arkivpaketet { $objid } ({ $path }).
audit-closure-reviewed = Granskade ögonblicksbilden inför avveckling, { $snapshot }.
audit-settings-set = { $key ->
        [organisation] Ändrade organisationens uppgifter och schemat.
        [package] Ändrade arkivpaketens standardvärden.
        [scheduler] Ändrade automatiska ögonblicksbilder.
        [retention] Ändrade reglerna för bevarande och gallring.
        [disposal-holds] Ändrade undantagen från gallring.
        [timestamp] Ändrade inställningarna för tidsstämplar.
        [comparison] Ändrade gränsvärdena för när en jämförelse räknas som en större förändring.
        [boards] Ändrade organisationens nämnder och enheter.
       *[other] Ändrade inställningen { $key }.
    }
audit-snapshot-stored = { $status ->
        [complete] Ögonblicksbild { $snapshot } sparad, fullständig
        [partial] Ögonblicksbild { $snapshot } sparad, ofullständig
       *[failed] Ögonblicksbild { $snapshot } misslyckades
    } ({ $reason ->
        [half-yearly] halvårsvis
        [yearly] årsvis
        [major-change] större förändring
        [pre-closure] inför avveckling
        [single-item] enskild adress
       *[ad-hoc] vid behov
    }, { $pages ->
        [one] 1 sida
       *[other] { $pages } sidor
    }){ $single }.
audit-single-address = { " " }av den enskilda adressen { $url }
audit-login-browser = Öppnade en synlig webbläsare med organisationens profil på { $url }.
audit-package-exported = Arkivpaketet { $objid } skrevs till { $path } (SHA-256 { $sha256 }, { $size } byte) med ögonblicksbilderna { $snapshots }.
audit-package-verified = Arkivpaketet { $objid } i { $path }: { $ok ->
        [true] kontrollerat, inga fel
       *[other] { $problems } fel
    }.
audit-register-exported = Exporterade { $channels ->
        [one] 1 kanal
       *[other] { $channels } kanaler
    } till { $path }.
audit-register-rebuilt = Återskapade registret: { $channels ->
        [one] 1 kanal
       *[other] { $channels } kanaler
    }, { $snapshots ->
        [one] 1 ögonblicksbild
       *[other] { $snapshots } ögonblicksbilder
    }, { $entries ->
        [one] 1 logghändelse
       *[other] { $entries } logghändelser
    }, { $warnings ->
        [one] 1 varning
       *[other] { $warnings } varningar
    }.
audit-removal-recorded = Borttaget innehåll { $removal } dokumenterades ({ $item }, { $action }, grund { $ground }) med { $by_hand ->
        [true] egen skärmbild, SHA-256
       *[other] ögonblicksbild
    } { $evidence }.
audit-removal-corrected = Borttaget innehåll { $removal } rättades: version { $version }.
audit-removal-certified = Borttaget innehåll { $removal } bestyrktes av { $by } (version { $version }).
audit-diary-set = Diarienumret sattes till { $number } för ögonblicksbilder [{ $snapshots }] och borttaget innehåll [{ $removals }].
audit-diary-removed = Diarienumret togs bort för ögonblicksbilder [{ $snapshots }] och borttaget innehåll [{ $removals }].
audit-mark-set = { $kind ->
        [snapshot] Ögonblicksbilden
       *[removal] Borttaget innehåll
    } { $id } markerades som innehållande { $mark }.
audit-mark-set-note = { $kind ->
        [snapshot] Ögonblicksbilden
       *[removal] Borttaget innehåll
    } { $id } markerades som innehållande { $mark } ({ $note }).
audit-mark-cleared = Skyddsmarkeringen togs bort från { $kind ->
        [snapshot] ögonblicksbilden
       *[removal] borttaget innehåll
    } { $id }.
audit-hold-set = { $id } undantogs från gallring: { $reason }.
audit-hold-cleared = Undantaget från gallring för { $id } hävdes.
audit-diary-kept = Handlingarna med diarienummer { $number } { $keep ->
        [true] ska bevaras
       *[other] ska inte längre bevaras
    }.
audit-item-disposed = { $kind ->
        [snapshot] Ögonblicksbilden
       *[removal] Posten om borttaget innehåll
    } { $id } gallrades enligt gallringsbeslut { $decision } ({ $files ->
        [one] 1 fil
       *[other] { $files } filer
    }, gallring { $disposal }).
audit-removal-report = Rapport över borttaget innehåll { $from } – { $to }{ $channel }{ $board } med { $records ->
        [one] 1 post
       *[other] { $records } poster
    } skrevs till { $path }.
audit-report-channel = , kanal { $id }
audit-report-board = , nämnd { $board }
audit-removal-recaptured = Borttaget innehåll { $removal } fångades på nytt: ögonblicksbild { $snapshot } (version { $version }).
audit-ground-changed = Grunden { $code } för borttagning { $change ->
        [added] lades till
        [edited] fick ny lydelse
       *[retired] togs ur bruk
    }.
audit-timestamp-added = Tidsstämplade ögonblicksbilden { $snapshot } av { $authority } { $time } UTC ({ $token }).
audit-timestamp-pending = Tidsstämpeln för ögonblicksbilden { $snapshot } väntar: { $authority } gav ingen tidsstämpel ({ $cause }).
audit-change-registered = Den föreslagna större förändringen i ögonblicksbilden { $snapshot } registrerades: ögonblicksbilden { $new_snapshot } ({ $note }).
audit-change-dismissed = Den föreslagna större förändringen i ögonblicksbilden { $snapshot } avfärdades.
audit-change-dismissed-note = Den föreslagna större förändringen i ögonblicksbilden { $snapshot } avfärdades ({ $note }).
audit-role-set = { $login } fick rollerna: { $roles }.
audit-role-set-units = { $login } fick rollerna: { $roles } (enheter: { $units }).
audit-role-removed = { $login } har inte längre någon roll.
audit-access-refused = { $login } nekades { $action }: ingen av personens roller tillåter det.
audit-closure-undone = Avvecklingen ångrades. Status: { $from } → { $to }.
audit-account-deleted = Kontot raderades på plattformen { $date }.
audit-board-added = Nämnden { $board } lades till i organisationens lista.
audit-unit-added = Enheten { $unit } i { $board } lades till i organisationens lista.
audit-board-renamed = Nämnden { $board } bytte namn till { $to }.
audit-unit-renamed = Enheten { $unit } i { $board } bytte namn till { $to }.
audit-board-removed = Nämnden { $board } togs bort ur organisationens lista.
audit-unit-removed = Enheten { $unit } i { $board } togs bort ur organisationens lista.
channel-state = { $state ->
        [active] aktiv
        [closing] under avveckling
       *[closed] avvecklad
    }
register-field = { $field ->
        [name] namn
        [platform] plattform
        [urls] adresser
        [board] nämnd
        [unit] enhet
        [responsible] ansvarig
        [substitute] ersättare
        [purpose] syfte
        [audience] målgrupp
        [policy] schema
       *[notes] anteckningar
    }
removed-kind = { $kind ->
        [post] inlägg
        [comment] kommentar
        [reply] svar
        [image] bild
        [private-message] privat meddelande
       *[account-blocked] blockerat konto
    }
removal-action = { $action ->
        [unpublished] avpublicerad
        [deleted] raderad
        [hidden] dold
       *[blocked] blockerad
    }
# h-pg: the register on PostgreSQL (issue 15)
store-pg-address = Adressen till förteckningen i PostgreSQL är inte giltig ({ $detail }). Skriv den som postgres://användare@värd:port/databas.
store-pg-unreachable = Kan inte ansluta till förteckningen i PostgreSQL { $address }: { $detail }. Kontrollera adressen, användarnamnet och lösenordet, och att servern är igång och tar emot anslutningar från den här datorn.
store-pg-lost = Anslutningen till förteckningen i PostgreSQL bröts: { $detail }. Kontrollera nätverket och servern och försök igen.
store-postgres = Förteckningen i PostgreSQL avvisade ändringen: { $detail }. Inget av den sparades. Om felet kvarstår, kontakta databasadministratören.
store-channel-changed-by = Kanal { $id } ({ $name }) ändrades av { $by } { $at } efter att du öppnade den. Inget av din ändring sparades: välj Ladda om (läs in kanalen på nytt) och gör ändringen igen.

## h-cli11: raderna och orden i CLI:ts egna rapporter (`CliLine`)
cli-word = { $word ->
        [never] aldrig
        [yes] ja
        [no] nej
        [none] inget
        [not-yet] inte ännu
        [hold] undantag
        [diary-number-kept] diarienummer bevaras
        [skipped] hoppades över
        [ok] klar
        [failed] MISSLYCKADES
        [on] på
        [off] av
        [default] standard
        [no-board] (ingen nämnd)
        [no-unit] (ingen enhet)
        [retired] ur bruk
        [error] fel
        [pages] sidor
       *[now] nu
    }
cli-label = { $label ->
        [record] Post
        [channel] Kanal
        [address] Adress
        [kind] Slag
        [author] Författare
        [published-at] Publicerad
        [text] Text
        [removed-at] Borttagen
        [action] Åtgärd
        [ground] Grund
        [police-report] Polisanmälan
        [diary-number] Diarienummer
        [contacted] Kontaktad
        [forwarded] Vidarebefordrad
        [certified] Bestyrkt
        [evidence] Bevis
        [mark] Markering
        [versions] Versioner
        [id] id
        [name] namn
        [platform] plattform
        [status] status
        [addresses] adresser
        [board] nämnd
        [unit] enhet
        [responsible] ansvarig
        [substitute] ersättare
        [purpose] syfte
        [audience] målgrupp
        [policy] intervall
        [created] skapad
        [closing-since] avvecklas sedan
        [closed] avvecklad
        [notes] anteckningar
        [org-name] namn
        [org-number] organisationsnummer
        [e-archive] e-arkiv
        [submission-agreement] leveransöverenskommelse
        [default-policy] standardintervall
        [web-archive] webbarkiv
        [tsa-authorities] tidsstämpelutfärdare
        [tsa-roots] rotcertifikat för tidsstämplar
       *[tsa-timeout] tidsgräns för tidsstämplar
    }
cli-header = { $column ->
        [kind] SLAG
        [id] ID
        [channel] KANAL
        [date] DATUM
        [rule] REGEL
        [decision] BESLUT
        [due-since] GALLRAS SEDAN
        [kept-because] UNDANTAGEN EFTERSOM
        [name] NAMN
        [platform] PLATTFORM
        [status] STATUS
        [board] NÄMND
        [last-snapshot] SENASTE ÖGONBLICKSBILD
        [address] ADRESS
        [snapshot] ÖGONBLICKSBILD
        [started] PÅBÖRJAD
        [reason] ANLEDNING
        [pages] SIDOR
        [operator] HANDLÄGGARE
        [diary] DIARIENUMMER
        [timestamp] TIDSSTÄMPEL
        [mark] MARKERING
        [state] LÄGE
        [responsible] ANSVARIG
        [substitute] ERSÄTTARE
        [why] VARFÖR
        [last-good] SENASTE FULLSTÄNDIGA
        [next] NÄSTA
        [failures] MISSLYCKADE
        [snapshots] ÖGONBLICKSBILDER
        [record] POST
        [removed] BORTTAGEN
        [action] ÅTGÄRD
        [ground] GRUND
        [police] POLISANMÄLD
        [certified] BESTYRKT AV
        [login] INLOGGNING
        [roles] ROLLER
        [units] ENHETER
        [set] ANGIVEN
        [by] AV
        [compared-with] JÄMFÖRD MED
        [changed] ÄNDRAT
        [what] VAD
        [id-or-number] ID / NUMMER
        [at] NÄR
        [disposed] GALLRAD
        [files] FILER
        [seq] NR
        [actor] UTFÖRD AV
        [detail] HÄNDELSE
        [in-swedish] PÅ SVENSKA
        [in-english] PÅ ENGELSKA
        [retention] BEVARANDE OCH GALLRING
        [deliver-first] LEVERERAS FÖRE GALLRING
        [computer] DATOR
        [until] GÄLLER TILL
       *[problems] PROBLEM
    }
cli-channel-status = { $status ->
        [active] aktiv
        [closing] avvecklas
        [closed] avvecklad
       *[other] { $status }
    }
cli-policy = { $policy ->
        [half-yearly] halvårsvis
        [yearly] årsvis
        [manual] manuellt
       *[other] { $policy }
    }
cli-marked-kind = { $kind ->
        [snapshot] ögonblicksbild
        [removal] post om borttaget innehåll
       *[other] { $kind }
    }
cli-disposed-kind = { $kind ->
        [snapshot] ögonblicksbild
        [removal] post om borttaget innehåll
       *[other] { $kind }
    }
cli-stage = { $stage ->
        [launching] Startar webbläsaren
        [navigating] Öppnar sidan
        [consent] Samtycke
        [scrolling] Rullar
        [slicing] Delbilder
        [stitching] Fogar samman
        [printing] Skriver ut
        [pdf-a] PDF/A
        [hashing] Kontrollsummor
        [storing] Sparar
        [packaging] Paketerar
        [verifying] Kontrollerar
        [done] Klar
       *[other] { $stage }
    }
cli-warning = varning: { $what }
cli-register-empty = Registret är tomt: lägg till kanaler med `ogonblick channel add`.
cli-channels-none = Inga kanaler. Lägg till en med `ogonblick channel add --name NAMN --platform PLATTFORM --url ADRESS`.
cli-history-none = Inga ögonblicksbilder ännu.
cli-reindex-done = Registret är återuppbyggt: { $channels ->
        [one] 1 kanal
       *[other] { $channels } kanaler
    }, { $snapshots ->
        [one] 1 ögonblicksbild
       *[other] { $snapshots } ögonblicksbilder
    }, { $audit_entries ->
        [one] 1 händelse
       *[other] { $audit_entries } händelser
    } i loggen.
cli-count = { $count } { $what ->
        [closure-due] inför avveckling
        [overdue] försenade
        [due] ska tas nu
        [not-due] dokumenterade
        [manual] bara manuellt
        [closed] avvecklade
       *[failures] misslyckade sedan senaste fullständiga ögonblicksbild
    }
cli-group = { $board } / { $unit }: { $counts }
cli-due-header = Vad som ska tas { $date } ({ $timezone }; { $local } lokal tid här).
cli-due-blackout = Uppehåll ”{ $label }” ({ $from }–{ $to }): automatiska körningar tar bara slutliga ögonblicksbilder av kanaler som avvecklas.
cli-due-total = { $channels ->
        [one] 1 kanal
       *[other] { $channels } kanaler
    }: { $counts }. En automatisk körning skulle ta { $now } nu.
cli-coverage-header = Täckning { $date } ({ $timezone }).
cli-coverage-all-closed = Alla kanaler är avvecklade: lägg till `--include-closed` för att lista dem.
cli-coverage-channels = { $channels ->
        [one] 1 kanal
       *[other] { $channels } kanaler
    }, { $good } med en fullständig ögonblicksbild
cli-coverage-total = Totalt: { $counts }.
cli-next-overdue = nu (försenad)
cli-next-final = nu (slutlig ögonblicksbild)
cli-next-by = senast { $day }
cli-next-from = från { $day }
cli-removals-none = Inga poster om borttaget innehåll.
cli-version = { $id } (version { $version })
cli-at-by = { $at } av { $by }
cli-forwarded-to = till { $to } { $at }
cli-certified-by = av { $by } { $at }
cli-evidence-snapshot = ögonblicksbild { $id }
cli-evidence-failed = ögonblicksbild { $id }, fångsten misslyckades ({ $status }); fånga den igen med `ogonblick removal recapture { $record }` eller registrera en egen skärmbild
cli-evidence-gone = ögonblicksbild { $id }, finns inte längre i registret; fånga den igen med `ogonblick removal recapture { $record }`
cli-evidence-file = fil som lämnats för hand { $path } ({ $media_type }, { $size } byte, sha256 { $sha256 }), hette { $original }
cli-mark-set-at = (angiven { $at } av { $by })
cli-role-units = { $roles } (enheter: { $units })
cli-role-first = (registrets första roller: du är dess administratör)
cli-claims-none = Ingen kanal fångas just nu (registret har inga gällande anspråk).
cli-roles-none = Inga roller är angivna: alla får göra allt (ogonblick role set INLOGGNING --role ...).
cli-role-removed = { $login }: inga roller.{ $last ->
        [true] {" "}Ingen har någon roll nu: alla får göra allt.
       *[other] {""}
    }
cli-marked = { $kind } { $id } markerad: { $words }
cli-mark-cleared = markeringen av { $id } är borttagen
cli-imported = { $count ->
        [one] 1 kanal
       *[other] { $count } kanaler
    } importerade: { $ids }
cli-exported = { $count ->
        [one] 1 kanal
       *[other] { $count } kanaler
    } exporterade till { $path }
cli-timestamp-none = Ingen ögonblicksbild väntar på en tidsstämpel.
cli-tsa-none = ingen (ögonblicksbilderna tidsstämplas inte)
cli-change-dismissed = förslaget för { $snapshot } är avfärdat
cli-change-registered = större förändring registrerad: ögonblicksbild { $snapshot } ({ $status })
cli-changed-signals = ändrat: { $signals }
cli-compare-page = { $url }  texten { $text } %, överdelen { $header } %, { $regions } ändrade områden
cli-diary-set = { $removed ->
        [true] Diarienumret är borttaget från
       *[other] Diarienummer { $number } är angivet på
    } { $snapshots ->
        [one] 1 ögonblicksbild
       *[other] { $snapshots } ögonblicksbilder
    } och { $removals ->
        [one] 1 post
       *[other] { $removals } poster
    } om borttaget innehåll.
cli-disposal-log-document = Gallringsloggen ({ $count } handlingar) är skriven till { $path }.
cli-capture-nothing = Inget att fånga.
cli-capture-incomplete = { $count } av { $total } { $total ->
        [one] ögonblicksbild
       *[other] ögonblicksbilder
    } är inte { $count ->
        [one] fullständig
       *[other] fullständiga
    }: se `ogonblick history` för vad som misslyckades, och fånga sedan igen
cli-state = { $state ->
        [not-due] dokumenterad
        [due] ska tas nu
        [overdue] försenad
        [closure-due] inför avveckling
        [closed] avvecklad
        [manual] manuellt
       *[other] { $state }
    }
cli-compare-verdict = { $older } → { $newer }: { $major ->
        [true] tyder på en större förändring
       *[other] ingen större förändring
    }
cli-platform = { $platform ->
        [facebook] Facebook
        [instagram] Instagram
        [x] X
        [youtube] YouTube
        [linkedin] LinkedIn
        [tiktok] TikTok
        [threads] Threads
        [mastodon] Mastodon
        [flickr] Flickr
        [blog] blogg
        [other] annan
       *[any] { $platform }
    }
cli-reason = { $reason ->
        [half-yearly] halvårsvis
        [yearly] årsvis
        [major-change] större förändring
        [pre-closure] inför avveckling
        [single-item] enskild adress
        [ad-hoc] vid behov
       *[other] { $reason }
    }
cli-role = { $role ->
        [handlaggare] handläggare
        [arkivarie] arkivarie
        [chef] chef
        [administrator] administratör
       *[other] { $role }
    }

## h-voc5: removal certify|correct, the grounds' changes, the retention rules
cli-removal-certified = Posten om borttaget innehåll { $id } är bestyrkt (version { $version }).
cli-removal-corrected = Posten om borttaget innehåll { $id } är rättad (version { $version }).
cli-ground-changed = Grunden { $code } för borttagning { $change ->
        [added] har lagts till
        [edited] har fått ny lydelse
       *[retired] har tagits ur bruk
    }.
cli-retention-kind = { $kind ->
        [snapshot] ögonblicksbilder
        [snapshot-reason] ögonblicksbilder ({ $detail })
        [removal] borttaget innehåll
        [removal-ground] borttaget innehåll (grund { $detail })
        [removal-action] borttaget innehåll ({ $detail })
       *[report] rapporter
    }
cli-retention-keep = bevaras
cli-retention-years = gallras efter { $years } år
cli-retention-months = gallras efter { $months ->
        [one] 1 månad
       *[other] { $months } månader
    }
cli-removal-report-written = Rapporten om borttaget innehåll är skriven till { $path } ({ $count ->
        [one] 1 post
       *[other] { $count } poster
    }).
cli-removal-recaptured = Posten om borttaget innehåll { $id } är fångad på nytt: ögonblicksbild { $snapshot } (version { $version }).
cli-org-no-boards = Organisationen har ännu ingen lista över nämnder: vilken nämnd och enhet som helst kan anges (`ogonblick org board add NAMN`).
removal-contact-template = Hej { $named ->
        [true] { $author }
       *[other] där
    }. { $kind ->
        [comment] Din kommentar går emot våra kommenteringsregler, som du hittar på { $rules_page }, och har därför tagits bort.
        [reply] Ditt svar går emot våra kommenteringsregler, som du hittar på { $rules_page }, och har därför tagits bort.
        [image] Din bild går emot våra kommenteringsregler, som du hittar på { $rules_page }, och har därför tagits bort.
        [private-message] Ditt privata meddelande går emot våra kommenteringsregler, som du hittar på { $rules_page }, och har därför tagits bort.
        [account-blocked] Ditt konto har blockerats, eftersom det du skrivit går emot våra kommenteringsregler, som du hittar på { $rules_page }.
       *[post] Ditt inlägg går emot våra kommenteringsregler, som du hittar på { $rules_page }, och har därför tagits bort.
    } Med vänliga hälsningar, { $sender }
## h-doc11: the package's last texts in the organisation's language
package-label = { $removals ->
        [true] Borttaget innehåll
       *[other] Ögonblicksbilder
    } { $names } { $period }
package-label-marked = { $label } (skyddsmarkerat)
doc-inv-subject = Innehållsförteckning för leveranspaketet { $objid }, skapad { $at }
premis-capture = Fångst av { $url } (ögonblicksbild { $snapshot }, anledning { $reason ->
        [half-yearly] halvårsvis
        [yearly] årsvis
        [major-change] större förändring
        [pre-closure] inför avveckling
        [single-item] enskild adress
       *[ad-hoc] vid behov
    }{ $single }) med { $with }
premis-capture-with = { $tool } { $version }, webbläsare { $browser }, visningsyta { $width } × { $height } px
premis-single-address = , enskild adress { $url }
premis-created-with = { $tool } med { $browser }
premis-digest = SHA-256 beräknades för varje fil när den kopierades in i paketet; för fångade filer stämde den med kontrollsumman som registrerades vid fångsten
premis-validation = Identifiering och kontroll av formatet för { $path }: { $format } { $version } ({ $puid })
premis-validation-unidentified = Identifiering och kontroll av formatet för { $path }: { $format } { $version } (ej identifierat)
premis-agent-operator = operatör
premis-org-number = Organisationsnummer { $number }
premis-removal-supplied = Skärmbild av { $url } som personalen lade till för hand för posten om borttaget innehåll { $record } (innehållet var redan borta): { $file }
premis-supplied-file = { $name } ({ $media_type }), kontrollsumma SHA-256 { $sha256 }
premis-removal = Innehållet på { $url } ({ $kind }) blev { $action } på plattformen med grunden { $code } ({ $ground }); post om borttaget innehåll { $record }
premis-removal-correction = Version { $version } av posten om borttaget innehåll { $record }{ $note }
premis-correction-note = : { $note }
premis-removal-certified = Posten om borttaget innehåll { $record } bestyrktes av en andra person, { $by }
premis-mark-note = { $kind ->
        [snapshot] ögonblicksbild
       *[removal] post om borttaget innehåll
    } { $id }: skyddsmarkerad { $at } av { $by }
premis-rights-gdpr = Förordning (EU) 2016/679 (dataskyddsförordningen) art. 9: känsliga personuppgifter
premis-restriction-personal-data = Innehåller känsliga personuppgifter: lämnas ut först efter prövning
premis-restriction-secret = Skyddsmarkerad för sekretess: lämnas ut först efter sekretessprövning

# h-voc6: the engine's own snapshot notes, and why a PNG gets no thumbnail.
snapshot-note-before-removal = tagen innan innehållet togs bort, som underlag till posten om borttaget innehåll
snapshot-note-recaptured = fångad på nytt för posten om borttaget innehåll { $removal }
file-bad-image-why = bilden { $path } kan inte läsas ({ $why }): filen kan vara skadad; kontrollera ögonblicksbilden eller ta en ny
png-no-pixels = den har inga bildpunkter
png-bit-depth = oväntat bitdjup { $depth } efter expansionen
png-palette = paletten är inte expanderad
png-interlaced-large = den är radvis sammanflätad och för stor för en miniatyrbild
png-no-rows = inga rader kunde avkodas

# h-fix3: a snapshot's row points at its own folder only.
store-bad-snapshot-folder = ”{ $folder }” är inte ögonblicksbildens mapp: en ögonblicksbild registreras i { $expected }, räknat från datamappen
# h-pg6, h-pg5
store-pg-no-data-dir = Förteckningen i PostgreSQL ({ $address }) har ingen datamapp angiven, så filerna i ögonblicksbildernas mappar och i posterna om borttaget innehåll kan inte nås. Ange den gemensamma datamappen och försök igen.
# h-voc7: det sista engelska en svensk användare mötte.
capture-browser-stopped = Chromium slutade oväntat att svara ({ $why }). Ta ögonblicksbilden igen.
chromium-not-running = webbläsaren körs inte längre
chromium-pipe-closed = webbläsaren stängde sin förbindelse med Ögonblick; den avslutades eller kraschade
chromium-no-answer = webbläsaren svarade inte på { $method } inom { $secs } s
png-read = PNG-läsaren kunde inte läsa den; teknisk uppgift: { $detail }
png-write = PNG-skrivaren kunde inte skriva den; teknisk uppgift: { $detail }
png-interlaced = den är radvis sammanflätad, vilket fångade sidor aldrig är
file-thumbnail-failed = miniatyrbilden kunde inte skapas: { $why }
format-png-ok = PNG-signaturen och filens delar (chunks) är hela; delar: { $chunks }
format-png-broken = PNG-filens struktur är trasig: { $problems }
format-png-bad-chunk = en dels rubrik är trasig vid byte { $offset }
format-png-not-ihdr-first = första delen är inte IHDR
format-png-no-iend = filen slutar inte med en hel IEND-del
format-png-no-idat = det finns ingen IDAT-del med bilddata
format-png-after-iend = det finns data efter IEND-delen
format-pdf-ok = PDF-huvudet { $version } och slutmarkeringen %%EOF finns{ $claim }; ingen fullständig validering mot ISO 19005
format-pdf-claims = , och XMP-metadata anger PDF/A-{ $level }
format-pdf-no-claim = , och XMP-metadata anger inte PDF/A
format-pdf-broken = PDF-filens struktur är trasig: { $problems }
format-pdf-no-header = det finns inget %PDF-huvud med version
format-pdf-no-eof = slutmarkeringen %%EOF saknas (filen kan vara avkortad)
format-zip = ZIP: { $warc_first ->
        [true] första posten är en WARC-fil under `archive/`
       *[other] första posten är inte en WARC-fil under `archive/`
    }; { $eocd ->
        [true] centralkatalogens slut finns i slutet
       *[other] centralkatalogens slut saknas i slutet
    }; { $package ->
        [true] datapackage.json finns i centralkatalogen
       *[other] datapackage.json saknas i centralkatalogen
    }
format-text = UTF-8-text utan NUL-tecken
format-unknown = formatet kunde inte identifieras
format-xml-ok = välformad XML (tolkad)
format-xml-large = XML-deklaration finns; större än 16 MiB, så välformen kontrollerades inte
format-xml-not-utf8 = inte UTF-8; teknisk uppgift: { $detail }
format-xml-broken = inte välformad XML; teknisk uppgift: { $detail }
format-check-failed = den skapade filen { $path } klarade inte sin egen formatkontroll: { $why }
pdf-page-subject = Ögonblicksbild av { $url }, tagen { $at }
app-fault-of = Ögonblick fick ett internt fel ({ $fault ->
        [capture-returned-nothing] fångsten gav inget resultat
        [no-closing-time] en kanal som avvecklas saknar tidpunkt för när avvecklingen började
        [sha256-hex] en SHA-256-summa gick inte att läsa
       *[mark-not-stored] markeringen sparades inte
    }): försök igen, och rapportera felet och vad du gjorde om det händer igen.
cli-lang-unknown = ”{ $value }” är inget språk: använd sv eller en
store-folder-gone = Mappen { $folder } finns inte längre (den gallras eller har flyttats): inget skrevs.
store-bad-folder = ”{ $folder }” kan inte vara en mapp i registret: den får inte innehålla ”..” eller börja vid roten.
store-removal-wrong-folder = Posten { $id } om borttaget innehåll är förtecknad i { $folder }, inte i sin egen mapp: kör `ogonblick reindex`.
# h-pg9
reindex-recorded-file-missing = ögonblicksbilden { $snapshot } är registrerad, men mappen { $folder } saknar filen { $file } (eller filen har en annan storlek); posten behölls och ingenting togs bort: lägg tillbaka filen från en säkerhetskopia
## h-voc8: the last English we wrote ourselves (Chromium's launch, the capture's faults, why a page could
## not be compared, a package's fixity and inventory, the file operation a system error is about)
capture-chromium-missing = Chromium kunde inte startas: { $path } finns inte. Installera Debians paket chromium (apt-get install chromium) eller ange webbläsarens sökväg i OGONBLICK_CHROMIUM.
capture-chromium-spawn = Chromium kunde inte startas ({ $path }): { $detail }
capture-chromium-silent = Chromium kunde inte startas ({ $why }{ $profile_in_use ->
        [true] ; profilmappen används av en annan Chromium: stäng inloggningsfönstret först
       *[false] { "" }
    }). Webbläsarens egna meddelanden: { $said }
capture-no-profile = Ingen profilmapp är angiven för organisationen: inloggningen behöver en profil som sparas mellan fångsterna.
capture-fault-of = Fångsten misslyckades: { $what ->
        [screenshot-data] skärmbilden från webbläsaren kunde inte avkodas
        [page-text] sidans textfil kunde inte skapas
        [pdf-stream] PDF-filen från webbläsaren kunde inte avkodas
        [served-document] ett dokument som sidan lämnade ut kunde inte avkodas
        [file-stem] namnet som sidans filer fick kan inte vara ett filnamn
        [chromium-answer] webbläsaren vägrade utföra ett kommando
        [pdf-a] PDF/A-filen kunde inte skapas
       *[stitch] skärmbilderna kunde inte fogas samman till en bild
    }; teknisk uppgift: { $detail }
chromium-refused = webbläsaren vägrade { $method }: { $detail }
compare-unreadable = Kan inte läsa { $path }: { $detail }
compare-not-png = { $path } är ingen PNG-bild som programmet kan läsa: { $why }
compare-not-text = { $path } är ingen textfil för en sida: { $why }
text-file-too-large = den är { $size } byte, mer än { $max }
text-file-format = dess format är ”{ $format }”, inte formatet för Ögonblicks sidtext (version 1)
text-file-json = den är inte giltig JSON; teknisk uppgift: { $detail }
png-rows-short = bara { $read } av { $height } rader kunde läsas
warn-comparison-failed-why = Sidan kunde inte jämföras med ögonblicksbilden { $snapshot } ({ $why }); ögonblicksbilden sparades ändå.
change-page-unreadable-why = Sidan { $url } kunde inte jämföras ({ $why }): kontrollera ögonblicksbildens filer med verify.
fixity-size = storleken är { $actual } byte, { $by ->
        [manifest] manifestet
       *[removal-record] posten om borttaget innehåll
    } anger { $recorded }
fixity-sha256 = SHA-256 är { $actual }, { $by ->
        [manifest] manifestet
       *[removal-record] posten om borttaget innehåll
    } anger { $recorded }
fixity-short = filen tog slut för tidigt; teknisk uppgift: { $detail }
package-fixity-why = Ögonblicksbildens fil { $path } stämmer inte med sin registrerade kontrollsumma ({ $why }). Lagret kan vara skadat: kör `ogonblick verify` på ögonblicksbilden innan du exporterar.
package-inventory-of = Förteckningen (PDF/A) kunde inte skapas: { $part ->
        [font] dess typsnitt kunde inte läsas
       *[write] PDF-filen kunde inte skrivas
    }; teknisk uppgift: { $detail }
store-io-of = Kan inte { $action ->
        [read] läsa
        [write] skriva
        [create] skapa
        [create-folder] skapa mappen
        [open] öppna
        [lock] låsa
        [remove] ta bort
        [sync] synkronisera
        [append-to] skriva till slutet av
        [read-or-write] läsa eller skriva
        [use-wal] använda en skrivlogg (WAL) för
        [move-into-store] flytta till sin plats i lagret
        [move-out-of-store] flytta ut ur lagret
        [read-csv] läsa CSV-filen
        [copy] kopiera
        [write-import-entries] skriva importens kanalposter till
       *[rename-into-place] byta namn till
    } { $path }: { $detail }. Kontrollera att sökvägen finns, går att läsa och skriva i och att disken inte är full.
store-setting-unreadable = De sparade inställningarna { $key } går inte att läsa ({ $detail }): ange dem igen.
store-roles-file-unreadable = { $path } går inte att läsa ({ $detail }): återställ filen från en säkerhetskopia innan förteckningen återskapas, annars går rollerna förlorade.
store-import-entries-later = Importens kanalposter kunde inte skrivas till { $folder } ({ $why }). { $count ->
        [one] Kanalen finns i förteckningen, och dess post skrivs
       *[other] De { $count } kanalerna finns i förteckningen, och deras poster skrivs
    } till filerna nästa gång Ögonblick startar: frigör plats på disken om den är full.
store-commit-no-room = { $cause } (Ögonblicksbildens mapp { $folder } är sparad och fullständig: när det finns plats { $next_start ->
        [true] förtecknar Ögonblick den nästa gång programmet startar, eller kör `ogonblick reindex`
       *[false] kör `ogonblick reindex` så att den förtecknas
    }.)
store-wal-refused = Förteckningens databas { $path } kan inte använda en skrivlogg (WAL): SQLite stannade i läget { $mode }. Datamappen ligger troligen på en nätverksenhet eller ett filsystem som inte stöder det; lägg datamappen på en lokal disk, eller använd ett gemensamt register på PostgreSQL (--database).
store-pg-unreadable-value = Förteckningen i PostgreSQL innehåller ett värde som den här versionen av Ögonblick inte kan läsa: { $value } ({ $detail }). Det kan ha skrivits av ett annat verktyg eller en nyare version; be den som förvaltar databasen rätta raden eller uppgradera Ögonblick.
## h-claim: claims of channels being captured
capture-claim-lost = Fångsten av kanal { $id } avbröts: en annan körning har tagit över kanalen, eftersom den här körningen inte kunde förnya sitt anspråk på kanalen i förteckningen i tid. Ingen ögonblicksbild sparades; försök igen när den andra körningen är klar.

## h-desk: the shared data directory's identity and the desktop's saved connection
store-pg-data-dir-other = Datamappen { $path } hör till ett annat register än förteckningen i PostgreSQL ({ $address }): dess fil { $marker } anger ett annat register. Välj den datamapp som hör till det här registret (den delade mappen som de andra skrivborden använder), eller anslut till det register som mappen hör till.
store-pg-data-dir-unmarked = Datamappen { $path } saknar filen { $marker } som visar att den hör till förteckningen i PostgreSQL ({ $address }). Troligen är den delade mappen inte ansluten (monterad) på den här datorn, eller så är det fel mapp: anslut nätverksenheten eller välj den delade datamappen och starta igen. Ingenting i mappen har ändrats.
store-pg-data-dir-foreign = Datamappen { $path } innehåller redan kanalmappar men ingen fil { $marker }, så den hör inte till förteckningen i PostgreSQL ({ $address }); den kan vara ett lokalt registers datamapp. Välj en tom mapp eller den delade datamappen som hör till registret. Ingenting i mappen har ändrats.
store-pg-marker-unreadable = Filen { $path } som visar vilket register datamappen hör till går inte att läsa ({ $detail }). Återställ den från en säkerhetskopia eller från en annan dator som använder samma delade mapp.
shared-register-password = Adressen innehåller ett lösenord, och lösenord sparas aldrig i Ögonblicks inställningar. Ta bort lösenordet ur adressen och lägg det i lösenordsfilen ~/.pgpass (i Windows %APPDATA%\postgresql\pgpass.conf) eller i den fil som PGPASSFILE anger, så som IT-avdelningen anvisar.
shared-register-not-postgres = { $address } är ingen adress till PostgreSQL: den ska börja med postgres:// eller postgresql://, till exempel postgres://anna@databas.kommun.se/ogonblick.
shared-register-file-unreadable = Den sparade anslutningen till ett delat register ({ $path }) går inte att läsa ({ $detail }). Spara adressen igen i Inställningar, eller ta bort filen för att använda det lokala registret.
shared-register-test-ok = Anslutningen till { $address } fungerar och databasens schema är klart för den här versionen av Ögonblick (skapat i en tom databas, uppgraderat i en äldre). I datamappen har inget skrivits. { $adopted ->
        [true] Datamappen { $path } får registrets markering nästa gång Ögonblick startar med det här registret.
       *[false] Datamappen { $path } hör till det här registret.
    }
# h-voc9: the timestamp's and the package's last English become typed reasons with data only.
timestamp-ca-refused = { $path } går inte att använda som rotcertifikat: { $reason ->
        [pem] filen går inte att läsa som PEM
        [not-certificate] ett certifikat i filen går inte att använda som rotcertifikat
        [empty] filen innehåller inget certifikat
       *[other] filen går inte att läsa
    }; ange en PEM-fil med rotcertifikatet
verify-token-refused = tidsstämpeln håller inte: { $reason ->
        [unreachable] tjänsten kunde inte nås ({ $detail })
        [no-connection] tjänsten kunde inte nås
        [host-not-found] tjänstens värdnamn finns inte (DNS)
        [tls] den krypterade förbindelsen (TLS) till tjänsten kunde inte upprättas
        [no-random] datorn gav inget slumptal till begäran
        [http] tjänsten svarade med HTTP-status { $detail }
        [timeout] tjänsten svarade inte inom { $detail } sekunder
        [nonce] svaret hör inte till vår begäran
        [url] adressen är ingen http- eller https-adress
        [malformed] svaret går inte att läsa som en tidsstämpel (RFC 3161)
        [not-granted] tjänsten beviljade ingen tidsstämpel (status { $detail })
        [imprint] tidsstämpeln gäller en annan kontrollsumma än manifestets (SHA-256 { $detail })
        [unsupported] tidsstämpeln använder en algoritm som inte kan kontrolleras ({ $detail })
        [attributes] tidsstämpelns signerade attribut stämmer inte med innehållet ({ $detail })
        [signature] signaturen stämmer inte
        [signer-missing] tidsstämpeln saknar signerarens certifikat
        [untrusted] certifikatet ”{ $detail }” leder inte till något betrott rotcertifikat
        [bad-root] ett inställt rotcertifikat går inte att använda
        [expired] certifikatet hade gått ut vid tidsstämplingen (giltigt till { $detail })
        [not-yet-valid] certifikatet var ännu inte giltigt vid tidsstämplingen (giltigt från { $detail })
        [usage] certifikatet är inte avsett för tidsstämpling
        [no-roots] inget rotcertifikat är inställt
        [signing-cert] signerarens certifikat är inte det som signaturen anger ({ $detail })
        [signing-cert-missing] tidsstämpeln anger inte signerarens certifikat (signingCertificate saknas)
       *[other] svaret går inte att läsa
    }
verify-tsa-root-refused = inget rotcertifikat: { $reason ->
        [pem] filen går inte att läsa som PEM
        [not-certificate] certifikatet går inte att använda som rotcertifikat
        [empty] filen innehåller inget certifikat
       *[other] filen går inte att läsa
    }
manifest-line-bad = manifestets rad { $line } går inte att läsa: { $problem ->
        [not-plain-path] sökvägen är ingen enkel relativ sökväg
        [not-sha256] kontrollsumman är inte 64 hexadecimala siffror (SHA-256)
        [too-short] raden är kortare än en kontrollsumma och en sökväg
        [no-separator] kontrollsumman och sökvägen skiljs inte åt av två blanksteg
        [twice] sökvägen står två gånger
       *[other] raden går inte att läsa
    }
manifest-not-text = manifestet är ingen text i UTF-8
verify-local-header-differs = dess lokala huvud stämmer inte med centralkatalogen: { $fields } (en skadad eller manipulerad zip-fil: uppackningsprogram kan se andra data än kontrollen)
zip-local-field = { $field ->
        [name] namnet ”{ $value }”
        [method] komprimeringsmetoden { $value }
        [crc] CRC-32 { $value }
        [compressed] den komprimerade storleken { $value } byte
        [size] storleken { $value } byte
       *[other] fältet med värdet { $value }
    }
package-hash-stopped = Kontrollsumman för { $path } kunde inte beräknas: beräkningen stannade innan filen var kopierad (ett fel i programmet; försök igen och rapportera felet om det upprepas)
snapshot-manifest-format = { $path } är skriven i formatet ”{ $format }”, som den här versionen av Ögonblick inte kan läsa (den läser ”{ $expected }”): uppgradera Ögonblick

## h-fix: the timestamp failures' sentences with the detail inside each reason (issue 11); the old keys keep the old sentences for stored rows
timestamp-failed-why = Ingen tidsstämpel från { $url }: { $reason ->
        [unreachable] tjänsten kunde inte nås ({ $detail })
        [no-connection] tjänsten kunde inte nås
        [host-not-found] tjänstens värdnamn finns inte (DNS)
        [tls] den krypterade förbindelsen (TLS) till tjänsten kunde inte upprättas
        [no-random] datorn gav inget slumptal till begäran
        [http] tjänsten svarade med HTTP-status { $detail }
        [timeout] tjänsten svarade inte inom { $detail } sekunder
        [nonce] svaret hör inte till vår begäran
        [url] adressen är ingen http- eller https-adress
        [malformed] svaret går inte att läsa som en tidsstämpel (RFC 3161)
        [not-granted] tjänsten beviljade ingen tidsstämpel (status { $detail })
        [imprint] tidsstämpeln gäller en annan kontrollsumma än manifestets (SHA-256 { $detail })
        [unsupported] tidsstämpeln använder en algoritm som inte kan kontrolleras ({ $detail })
        [attributes] tidsstämpelns signerade attribut stämmer inte med innehållet ({ $detail })
        [signature] signaturen stämmer inte
        [signer-missing] tidsstämpeln saknar signerarens certifikat
        [untrusted] certifikatet ”{ $detail }” leder inte till något betrott rotcertifikat
        [bad-root] ett inställt rotcertifikat går inte att använda
        [expired] certifikatet hade gått ut vid tidsstämplingen (giltigt till { $detail })
        [not-yet-valid] certifikatet var ännu inte giltigt vid tidsstämplingen (giltigt från { $detail })
        [usage] certifikatet är inte avsett för tidsstämpling
        [no-roots] inget rotcertifikat är inställt
        [signing-cert] signerarens certifikat är inte det som signaturen anger ({ $detail })
        [signing-cert-missing] tidsstämpeln anger inte signerarens certifikat (signingCertificate saknas)
       *[other] svaret går inte att läsa
    }. Ögonblicksbilden är sparad och markerad att tidsstämpeln saknas; `ogonblick timestamp --pending` försöker igen
timestamp-token-refused = Tidsstämpeln { $token } håller inte: { $reason ->
        [unreachable] tjänsten kunde inte nås ({ $detail })
        [no-connection] tjänsten kunde inte nås
        [host-not-found] tjänstens värdnamn finns inte (DNS)
        [tls] den krypterade förbindelsen (TLS) till tjänsten kunde inte upprättas
        [no-random] datorn gav inget slumptal till begäran
        [http] tjänsten svarade med HTTP-status { $detail }
        [timeout] tjänsten svarade inte inom { $detail } sekunder
        [nonce] svaret hör inte till vår begäran
        [url] adressen är ingen http- eller https-adress
        [malformed] svaret går inte att läsa som en tidsstämpel (RFC 3161)
        [not-granted] tjänsten beviljade ingen tidsstämpel (status { $detail })
        [imprint] tidsstämpeln gäller en annan kontrollsumma än manifestets (SHA-256 { $detail })
        [unsupported] tidsstämpeln använder en algoritm som inte kan kontrolleras ({ $detail })
        [attributes] tidsstämpelns signerade attribut stämmer inte med innehållet ({ $detail })
        [signature] signaturen stämmer inte
        [signer-missing] tidsstämpeln saknar signerarens certifikat
        [untrusted] certifikatet ”{ $detail }” leder inte till något betrott rotcertifikat
        [bad-root] ett inställt rotcertifikat går inte att använda
        [expired] certifikatet hade gått ut vid tidsstämplingen (giltigt till { $detail })
        [not-yet-valid] certifikatet var ännu inte giltigt vid tidsstämplingen (giltigt från { $detail })
        [usage] certifikatet är inte avsett för tidsstämpling
        [no-roots] inget rotcertifikat är inställt
        [signing-cert] signerarens certifikat är inte det som signaturen anger ({ $detail })
        [signing-cert-missing] tidsstämpeln anger inte signerarens certifikat (signingCertificate saknas)
       *[other] svaret går inte att läsa
    }

# h-migrate (issue 15): `ogonblick migrate --to postgres://…`.
store-pg-migrate-no-source = Datamappen har inget lokalt register att flytta: { $path } finns inte. Ange med --data-dir den datamapp vars register ska flyttas.
store-pg-migrate-source-old = Det lokala registret { $path } har en äldre schemaversion än den här versionen av Ögonblick. Öppna det en gång med den här versionen (till exempel `ogonblick history`), så uppgraderas det, och flytta det sedan. Ingenting har ändrats.
store-pg-migrate-marked = Datamappen hör redan till ett delat register i PostgreSQL: filen { $path } finns. Ett register flyttas bara en gång. Om filen är kvar efter en flytt som avbröts och inget register i PostgreSQL använder mappen, ta bort filen och flytta igen. Ingenting har ändrats.
store-pg-migrate-not-empty = Databasen { $address } innehåller redan ett register ({ $tables }), och en flytt skriver aldrig över ett register. Flytta till en ny, tom databas (till exempel skapad med `createdb`), eller ta bort den gamla databasen om den inte behövs. Ingenting har ändrats i den.
store-pg-migrate-value = Kolumnen { $column } i tabellen { $table } i det lokala registret har ett värde av fel typ och kan inte flyttas. Kör `ogonblick reindex` för att bygga om registret från filerna och flytta sedan igen. Ingenting har ändrats i databasen.
store-pg-migrate-differs = Kontrollen efter flytten stämmer inte för { $table }: { $sqlite } rader i det lokala registret, { $postgres } i PostgreSQL, eller olika innehåll. Flytten är ångrad och ingenting har ändrats i databasen; rapportera felet.
store-pg-migrate-file = Filerna i ögonblicksbilden { $snapshot } ({ $folder }) stämmer inte med registret, så flytten är ångrad och ingenting har ändrats i databasen. Kontrollera datamappen (till exempel med `ogonblick reindex`) innan registret flyttas. Felet: { $cause }
cli-migrated = Registret är flyttat till PostgreSQL ({ $address }): { $channels ->
        [one] 1 kanal
       *[other] { $channels } kanaler
    }, { $snapshots ->
        [one] 1 ögonblicksbild
       *[other] { $snapshots } ögonblicksbilder
    } med { $files ->
        [one] 1 fil
       *[other] { $files } filer
    } kontrollerade mot sina kontrollsummor, { $audit_entries ->
        [one] 1 händelse
       *[other] { $audit_entries } händelser
    } i loggen, { $removals ->
        [one] 1 borttagningspost
       *[other] { $removals } borttagningsposter
    }.
cli-migrated-tables = Rader per tabell, lika i båda: { $tables }.
cli-migrated-next = Öppna det delade registret med samma adress i `--database` (eller `OGONBLICK_DATABASE`, eller Inställningar → Delat register) och samma datamapp, { $path }. Det lokala registret i mappen är oförändrat och kan sparas som säkerhetskopia.
# h-pgroles (issue 15)
role-pg-grant-refused = Rollerna för { $login } ändrades inte: PostgreSQL-rollen { $user } får inte ändra registrets roller ({ $detail }). Den som ändrar roller ska ha rollen administratör även i PostgreSQL (ogonblick role set { $user } --role administrator, av schemats ägare), och schemats ägare ska ha rätten CREATEROLE.
store-pg-no-role = PostgreSQL-rollen { $user } har ingen roll i det delade registret och får inte läsa det. Be en administratör ge dig en roll (ogonblick role set { $user } --role …), eller anslut som den person du är.
store-pg-upgrade-owner = Det delade registret har schemaversion { $current } och den här versionen av Ögonblick behöver { $known }. Bara schemats ägare får uppgradera det, inte PostgreSQL-rollen { $user }: låt IT-avdelningen starta Ögonblick (eller köra ogonblick role list) en gång som ägaren, och försök sedan igen.
store-pg-create-owner = PostgreSQL-rollen { $user } får inte skapa det delade registret i den här databasen. Den som ansluter först till en ny databas ska vara databasens ägare och ha rätten CREATEROLE (ALTER ROLE { $user } CREATEROLE), eftersom registret skapar sina grupproller; se README, avsnittet om delat register.
# h-pgsec (issue 15)
store-pg-group-taken = Det delade registret kan inte skapas i databasen { $database }: PostgreSQL-rollen { $role } finns redan och är inte det här registrets grupproll (den hör till en annan databas med liknande namn, eller är en egen roll). Ge registret en databas med ett annat namn. Ingenting har ändrats.
store-moved-to-postgres = Registret i datamappen { $path } är flyttat till PostgreSQL ({ $database }), enligt filen { $marker }. Öppna det delade registret med den adressen: --database eller OGONBLICK_DATABASE, eller Inställningar → Delat register. Det lokala registret i mappen öppnas inte längre, så att det inte skrivs vid sidan av det delade.
store-pg-migrate-busy = Registret i datamappen { $path } kan inte flyttas nu: en annan process arbetar med det ({ $what }). Vänta tills den är klar, stäng Ögonblick på den här datorn och försök igen. Ingenting har ändrats.
store-channels-changed-since = Ingenting ändrades: { $channels } har ändrats av någon annan sedan listan lästes. Läs in listan på nytt, se vad som ändrats och gör ändringen igen.
# Lead (issue 15): the machine's clock against the shared register's server
store-pg-clock-skew = Den här datorns klocka visar { $local } men databasservern för det delade registret ({ $address }) visar { $server }: de skiljer sig åt med { $seconds } sekunder, och högst { $limit } sekunder tillåts. Tiderna i ögonblicksbilder, i loggen och i kanalernas anspråk skulle bli fel. Be IT ställa rätt den klocka som går fel, datorns eller serverns (automatisk tid, NTP), och starta sedan om. Ingenting har ändrats.
# Lead (issue 15): a disposal run's lock lost
dispose-lock-lost = Gallringens lås i det delade registret släpptes: anslutningen till databasen bröts.
dispose-stopped = Gallringen avbröts eftersom anslutningen till det delade registret bröts och gallringens lås släpptes, så att en annan gallring kunde ha börjat. { $done ->
        [0] Inget dokument hann gallras.
       *[other] { $done } dokument hann gallras före avbrottet; de finns i gallringsloggen (körning { $run }).
    } Inget annat har ändrats. Kontrollera anslutningen och starta gallringen igen: den fortsätter med det som återstår.
# Lead (issue 15): a channel claimed by another machine
channel-busy-on = kanal { $id } fångas just nu från datorn { $host }: försök igen när den är klar
# h-pgrev (issue 15's review)
store-channels-revisions-count = Ingenting ändrades: listan skickade inte en version för varje vald kanal. Läs in listan på nytt och gör ändringen igen.
store-channel-changed-by-login = Kanal { $id } ({ $name }) ändrades av PostgreSQL-inloggningen { $login } (i namnet { $by }) { $at } efter att du öppnade den. Inget av din ändring sparades: välj Ladda om (läs in kanalen på nytt) och gör ändringen igen.
store-pg-migrate-open = Registret i datamappen { $path } kan inte flyttas nu: Ögonblick har det öppet i en annan process, på den här eller en annan dator. Stäng Ögonblick på de andra datorerna först och försök igen. Ingenting har ändrats.
store-reindex-open = Registret i datamappen { $path } kan inte byggas om nu: Ögonblick har det öppet i en annan process, på den här eller en annan dator, och skulle fortsätta skriva i det gamla registret. Stäng de andra Ögonblick-programmen (skrivbordsappen och andra kommandon) och försök igen. Ingenting har ändrats.
store-open-busy = Registret i datamappen { $path } kunde inte öppnas: ett annat Ögonblick-program flyttar det till PostgreSQL eller bygger om det, och det blev inte klart på { $minutes ->
        [one] en minut
       *[other] { $minutes } minuter
    }. Vänta tills det är klart (eller avsluta det programmet) och försök igen. Ingenting har ändrats.
