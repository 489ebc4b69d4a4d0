# Ögonblick's message catalogue, English. One key per sentence the engine
# shows a user; the keys and their parameters are listed in
# crates/messages/src/catalogue.rs, and a test holds this file to that list.

text = { $text }

## Dates and lists (typed parameters)
date = { $day } { $month } { $year }
date-span-same-year = { $from_day } { $from_month }–{ $to }
date-span = { $from }–{ $to }
list-and = { $first } and { $last }
list-and-more = { $shown } and { $more } more
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## A page that could not be captured
page-net-error = Could not capture { $url }: { $cause ->
        [dns] the host name could not be found (DNS). Check the address for typing errors
        [unreachable] the server could not be reached. Check the network connection and try again later
        [redirect-loop] the site redirects in a loop and never shows a page
        [refused] the site refused to show the page
        [tls] the site's TLS certificate could not be verified, so the page is not captured (an unverifiable page cannot be proven authentic)
       *[other] Chromium could not open the page
    } ({ $code }).
page-http-status = Could not capture { $url }: the server answered HTTP { $status } ({ $reason }); { $server_fault ->
        [true] the site had a fault; try again later
       *[false] check that the address is right and the page still exists
    }.
page-navigated = Could not capture { $url }: while it was being captured the page went on to another address ({ $to }) by itself (a script, a meta refresh or a link), so the snapshot would have shown another page. Capture { $to } instead if that is the page to archive, or try again.
page-download = Could not capture { $url }: the address answered with a file to download ("{ $name }"), not a page. The download was refused and nothing was saved on this computer; check the address.
page-download-unnamed = Could not capture { $url }: the address answered with a file to download, not a page. The download was refused and nothing was saved on this computer; check the address.
page-wall = A wall covered the page ({ $walls }). The files show what Chromium saw, but this is not a good snapshot: sign in with "Log in" on the organisation's browser profile (or adjust the consent settings) and capture again.
page-no-answer = Could not capture { $url }: the server did not answer within { $secs } s; try again later.
page-address-refused = Could not capture { $url }: Chromium refused the address ({ $detail }).
page-crashed = Could not capture { $url }: the page crashed Chromium's renderer.
page-load-timeout = Could not capture { $url }: the page did not load within { $secs } s; try again later.

## Why a capture could not go on
capture-launch = could not start Chromium: { $detail }
capture-browser-gone = Chromium stopped unexpectedly ({ $detail }); start the capture again
capture-cancelled = the capture was cancelled
capture-io = could not write { $path }: { $detail }
capture-internal = capture failed: { $detail }

## The schedule's explanation of a channel
due-not-yet-created = The channel did not exist yet at this moment.
due-closed = The channel is closed; no more snapshots are needed.
due-final-taken = The final snapshot was taken on { $taken }; the channel can be closed once its archive package is verified.
due-closure-due = The channel is being closed: take the final (pre-closure) snapshot now.
due-manual = Manual policy: snapshots are taken only on request.
due-overdue = Overdue: no complete snapshot in the period '{ $window }' ({ $span }) or since{ $missed ->
        [one] { "" }
       *[other] { " (" }{ $missed } periods missed)
    }{ $major_change_ignored ->
        [true] ; a major-change snapshot does not count for the regular schedule
       *[false] { "" }
    }.{ $in_blackout ->
        [true] { " " }Take it after the blackout, or by hand.
       *[false] { "" }
    }
due-now = To take now: take a snapshot in the period '{ $window }' by { $by }.
due-covered = Documented for the period '{ $window }'; { $next }.
due-nothing = Nothing to do now; { $next }.
schedule-next-window = the next period ('{ $window }') begins on { $opens }
schedule-no-next-window = no period is coming

## The background scheduler's notifications
notice-due-title = Snapshots due
notice-due-body = { $count ->
        [one] 1 channel
       *[other] { $count } channels
    } due now: { $names }.
notice-overdue-title = Overdue snapshots
notice-overdue-body = { $count ->
        [one] 1 channel
       *[other] { $count } channels
    } overdue: { $names }.
notice-closure-title = Final snapshot needed
notice-closure-body = { $count ->
        [one] 1 channel
       *[other] { $count } channels
    } being closed need a final snapshot: { $names }.
notice-one-channel = { $name }: { $explanation }
notice-open-hint = Open Ögonblick to take them.
notice-done-title = Snapshots taken
notice-done-body = { $count ->
        [one] 1 channel
       *[other] { $count } channels
    } documented: { $names }.
notice-failed-title = Snapshot failed
notice-failed-body = { $count ->
        [one] 1 channel
       *[other] { $count } channels
    } could not be documented completely: { $names } ({ $why }). See the channel's history and try again.
notice-snapshot-status = { $status }
notice-run-failed-title = Automatic snapshot failed
notice-run-failed-body = The run could not be done: { $error }
notice-channel-number = channel { $id }

## Refusals and errors of the use cases
refused-channel-closed = channel { $id } ({ $name }) is closed and cannot be captured any more
capture-run-cancelled = the capture was cancelled; snapshots already stored are kept
refused-not-closing = channel { $id } is { $status }, not closing: start the closure first (`ogonblick channel close { $id }`)
refused-no-final-snapshot = channel { $id } has no complete pre-closure snapshot of every address taken after the closure started: run `ogonblick capture { $id } --reason pre-closure`
refused-package-lacks-final = the package { $package } does not hold the pre-closure snapshot { $snapshot }: run `ogonblick export --channel { $id } --out FILE` after it

## A one-address capture refused
address-bad = this address cannot be captured: { $why }
address-regular-reason = a single address cannot be captured with the reason { $reason }: it is never the channel's regular or final snapshot; use single-item (the default), ad-hoc or major-change, or capture the whole channel without --url
address-busy = channel { $id } is being captured by another run right now: try again when it has finished

## Removal records and diary numbers refused
removal-unknown-ground = '{ $given }' is not a removal ground of the organisation: use one of { $known } (`ogonblick removal grounds` lists them)
removal-ground-needs-text = the ground '{ $code }' needs a text that says what the ground is: give --ground-text TEXT
removal-capture-failed = the capture of { $url } before the removal failed ({ $why }); the failed snapshot { $snapshot } keeps what was tried and no removal record was made: try again, or give your own screenshot with --file SCREENSHOT (PNG, JPEG or PDF) if the item is already gone
removal-both-evidence = give either --snapshot or --file, not both
removal-file-missing = { $path } is not a file: give the path of the screenshot
removal-file-not-screenshot = { $path } is not a PNG, JPEG or PDF file: save the screenshot as one of those and give that file
removal-file-too-large = { $path } is larger than { $limit_mib } MiB, the limit for a screenshot: crop it or save it as JPEG
removal-in-future = { $field ->
        [published-at] published at
        [removed-at] removed at
        [contacted-at] contacted at
        [forwarded-at] forwarded at
        [police-report-date] police report date
        [certified-by] certified by
        [removed-by] removed by
       *[other] { $field }
    } { $value } is in the future: give the date and time it happened
removal-before-channel = { $field ->
        [published-at] published at
        [removed-at] removed at
        [contacted-at] contacted at
        [forwarded-at] forwarded at
        [police-report-date] police report date
        [certified-by] certified by
        [removed-by] removed by
       *[other] { $field }
    } { $value } is before channel { $channel } was registered ({ $created }): check the date
removal-bad-date = '{ $value }' is not a date: write YYYY-MM-DD, YYYY-MM-DD HH:MM (Swedish time) or RFC 3339
removal-bad-address = the item's address is refused: { $reason }
removal-bad-text = { $reason }
removal-empty-name = { $field ->
        [published-at] published at
        [removed-at] removed at
        [contacted-at] contacted at
        [forwarded-at] forwarded at
        [police-report-date] police report date
        [certified-by] certified by
        [removed-by] removed by
       *[other] { $field }
    } is empty: give a name
removal-no-change = nothing to correct: give at least one field to change
diary-no-targets = no snapshot or removal record matches: give ids, or --channel/--board with --year that has some
diary-unknown-target = no snapshot or removal record has id { $id }: run `ogonblick history` or `ogonblick removal list` to see the ids; nothing was changed
diary-bad-year = '{ $value }' is not a year: give e.g. --year 2027

## The desktop's file dialogs
dialog-save-package = Save the archive package
dialog-open-package = Choose an archive package
dialog-save-csv = Save the register as CSV
dialog-open-csv = Choose a CSV file to import
dialog-filter-package = Archive package (ZIP)
dialog-filter-csv = CSV file
dialog-open-screenshot = Choose the screenshot of the removed item
dialog-filter-screenshot = Screenshot (PNG, JPEG or PDF)
dialog-save-document = Save the document
dialog-filter-document = PDF/A or CSV
dialog-open-certificate = Choose the time-stamping authority's root certificate
dialog-filter-certificate = Certificate (PEM)

## lead: the desktop's removal records
removal-no-supplied-file = record { $id } has no screenshot of its own: a snapshot shows it, open that instead

## h-dispose: retention rules, holds and disposal (gallring)
retention-bad-kind = '{ $given }' is not a document kind: give snapshot, snapshot:<reason>, removal, removal-ground:<ground>, removal-action:<action> or report; nothing was changed
retention-bad-period = '{ $given }' is not a retention period: give months or years, e.g. 12m or 1y (at least one month)
retention-keep-or-dispose = give either --keep (kept for ever) or --dispose-after with a period (disposed of); nothing was changed
retention-needs-decision = disposal needs a disposal decision: give its reference with --decision; nothing was changed
retention-no-such-rule = there is no rule for { $kind } ({ $board }): run `ogonblick retention show` to see the rules; nothing was changed
hold-unknown-item = no snapshot or removal record has id { $id }: run `ogonblick history` or `ogonblick removal list` to see the ids; nothing was changed
hold-empty-reason = say why the document must not be disposed of with --reason; nothing was changed
hold-not-held = { $id } is not on hold: run `ogonblick hold list` to see the holds; nothing was changed
diary-keep-empty = give the diary number whose documents are to be kept, e.g. "KS 2027/12"; nothing was changed
diary-not-kept = the diary number { $number } is not marked to keep: run `ogonblick hold list` to see those that are; nothing was changed
dispose-needs-confirm = nothing was disposed of: see what is due with `ogonblick dispose --dry-run`, then dispose of it with `ogonblick dispose --confirm --by NAME`
dispose-needs-by = nothing was disposed of: say who carries out the disposal with --by NAME
dispose-busy = nothing was disposed of: another disposal is running in this data directory; wait for it to finish and try again
dispose-kept-hold = on hold by { $by }: { $reason }
dispose-kept-diary = the diary number { $number } is to be kept
dispose-kept-not-delivered = the rule needs the document in a verified archive package first, and it is not in one
dispose-kept-no-decision = the rule for { $kind } names no disposal decision: give it with `ogonblick retention set … --decision REF`
dispose-kept-evidence = it shows the removed item of removal record { $removal_id }, which is kept

## h-report: the period report of removals, capturing a record again, editing the grounds
removal-report-title = Report of removed content
removal-report-period = Period: { $from } to { $to } (removed in the period)
removal-report-filter-all = Selection: all channels
removal-report-filter-channel = Selection: channel { $id } ({ $name })
removal-report-filter-board = Selection: the channels of the board { $board }
removal-report-made = Made { $at } by { $by } with Ögonblick
removal-report-total = Removals: { $count }
removal-report-none = No removals were recorded in the period.
removal-report-by-ground = By ground
removal-report-by-action = By action
removal-report-records = Records
removal-report-col-record = Record
removal-report-col-channel = Channel
removal-report-col-board = Board
removal-report-col-address = Address
removal-report-col-kind = Kind
removal-report-col-action = Action
removal-report-col-ground = Ground
removal-report-col-removed-at = Removed at
removal-report-col-removed-by = Removed by
removal-report-col-author = Author (as shown)
removal-report-col-text = The item's text (as captured)
removal-report-col-police = Police report
removal-report-col-contacted = Author contacted
removal-report-col-forwarded = Forwarded to
removal-report-col-diary = Diary number
removal-report-col-certified = Certified by
removal-report-col-evidence = Evidence
removal-report-col-sha256 = Checksum (SHA-256)
removal-report-col-count = Count
removal-report-yes = yes
removal-report-no = no
removal-report-evidence-snapshot = snapshot { $id }
removal-report-evidence-file = own screenshot { $name } (supplied by hand)
removal-report-from-after-to = the period's start { $from } is after its end { $to }: give an end date on or after the start date; no report was made
removal-report-unknown-channel = no channel has id { $id }: `ogonblick channel list` shows the channels; no report was made
removal-report-unknown-board = no channel belongs to the board '{ $board }': the known boards are { $known }; no report was made
removal-report-bad-format = '{ $path }' ends neither in .pdf nor in .csv: give a file name ending in .pdf (PDF/A) or .csv; no report was made
removal-report-no-folder = the folder of { $path } does not exist: choose an existing folder; no report was made
removal-report-cannot-write = cannot write { $path } ({ $detail }): choose a folder you may write in; no report was made
removal-recapture-failed = capturing { $url } again failed ({ $why }); the failed snapshot { $snapshot } keeps what was tried and record { $id } is unchanged: try again later
removal-ground-retired = the ground { $code } is retired: choose another ground (`ogonblick removal grounds` lists them)
grounds-duplicate = a ground with the short name { $code } already exists: choose another short name, or change it with `ogonblick removal grounds edit`
grounds-unknown = no ground has the short name '{ $code }': use one of { $known }
grounds-bad-code = the short name '{ $code }' is refused: use only a-z, 0-9 and hyphens
grounds-empty-label = the ground needs a Swedish wording: give --sv TEXT
grounds-retire-other = the ground { $code } (other) cannot be retired: it is needed for what no other ground covers
grounds-already-retired = the ground { $code } is already retired
grounds-no-change = nothing to change in the ground { $code }: give a new wording with --sv or --en

## h-pkg: personal-data / secrecy marks and the export of removal records
mark-nothing = Say what the item holds: --personal-data (sensitive personal data), --secret with --osl REF (secret information), or both.
mark-osl-missing = A secrecy mark needs the reference to the Public Access to Information and Secrecy Act: give --osl, for example "OSL 21 kap. 7 §".
mark-unknown-item = No snapshot or removal record has the id { $id }: run `ogonblick history` or `ogonblick removal list` to see the ids.
mark-none-to-clear = { $id } has no mark to clear.
mark-label-personal-data = sensitive personal data
mark-label-secret = secret under { $osl }
export-marked-modes = Choose either --leave-out-marked or --marked-separately, not both.
export-separate-needs-folder = With --marked-separately the export makes two packages: give --out a folder, not a file name.
export-no-removals = No removal record matches: check the channel, board and period, or export without --removals.
export-all-marked = Every selected item is marked, so nothing is left to package: export without --leave-out-marked, or with --marked-separately.

## h-tsa: trusted timestamps (RFC 3161)
timestamp-stamped = Timestamped by { $signer } ({ $time } UTC)
timestamp-pending = Timestamp missing – retrying
timestamp-not-configured = No timestamp: no time-stamping authority is configured
timestamp-failed = No timestamp from { $url }: { $reason ->
        [unreachable] the authority could not be reached
        [http] the authority answered with an error
        [imprint] the timestamp is for another checksum than the manifest's
        [untrusted] the certificate does not lead to a trusted root certificate
        [expired] the certificate was not valid at the time of stamping
        [usage] the certificate is not for time-stamping
        [signature] the signature does not match
        [nonce] the reply does not answer our request
        [no-roots] no root certificate is configured
        [url] the address is not an http or https address
        [unsupported] the timestamp uses an algorithm that cannot be checked
        [timeout] the authority did not answer in time
        [signing-cert] the signer's certificate is not the one the signature names
       *[other] the reply cannot be read
    } ({ $detail }). The snapshot is stored and marked as missing its timestamp; `ogonblick timestamp --pending` tries again
timestamp-bad-url = '{ $url }' is not the address of a time-stamping authority: give an http:// or https:// address
timestamp-no-ca = Give the root certificate (PEM) that the authority's certificate leads to with `--tsa-ca`, so the timestamps can be checked offline
timestamp-bad-ca = { $path } cannot be read as a certificate ({ $detail }): give a PEM file with the root certificate
timestamp-token-invalid = The timestamp { $token } does not hold: { $reason ->
        [unreachable] the authority could not be reached
        [http] the authority answered with an error
        [imprint] the timestamp is for another checksum than the manifest's
        [untrusted] the certificate does not lead to a trusted root certificate
        [expired] the certificate was not valid at the time of stamping
        [usage] the certificate is not for time-stamping
        [signature] the signature does not match
        [nonce] the reply does not answer our request
        [no-roots] no root certificate is configured
        [url] the address is not an http or https address
        [unsupported] the timestamp uses an algorithm that cannot be checked
        [timeout] the authority did not answer in time
        [signing-cert] the signer's certificate is not the one the signature names
       *[other] the reply cannot be read
    } ({ $detail })
timestamp-manifest-missing = Snapshot { $snapshot } has no manifest (manifest-sha256.txt): an older version stored it, and it has no timestamp
timestamp-manifest-mismatch = The file { $path } does not match the manifest (manifest-sha256.txt): it is missing or has changed
timestamp-verified = The timestamp { $token } holds: timestamped by { $signer } ({ $time } UTC)

## h-warc: the web archive (WARC/WACZ) of a snapshot
web-archive-not-written = The web archive (WACZ) could not be written in { $path }: { $error }. Make sure there is room on the disk and take the snapshot again.
web-archive-title = Web archive (WACZ)
web-archive-setting-on = A web archive (WACZ) is kept with every snapshot.
web-archive-setting-off = No web archive (WACZ) is kept with the snapshots.

# h-msg: warnings of a page's capture
warn-coverage = of the { $seen } posts seen while scrolling, the PNG holds { $in_png } and the PDF/A's text { $in_pdf_text }: compare the files with the page before relying on the snapshot
warn-expand-clicks = the click budget of { $max_clicks } clicks for expanding collapsed content was used up: { $clicks } expanded, { $left } expanders ("See more", more comments, replies) left unopened; their content is not in the snapshot
warn-expand-time = the time budget of { $secs } s for expanding collapsed content ran out: { $clicks } expanded, { $left } expanders ("See more", more comments, replies) left unopened; their content is not in the snapshot
warn-expand-windows = clicking an expander tried to open { $count } window(s); each was refused, and such an expander was not clicked again
warn-too-wide = the page is { $width } px wide; the capture keeps the first { $kept } px
warn-text-unread = the text of the page between { $from } and { $to } px could not be read for the PDF/A ({ $detail })
warn-slice-moved = the part between { $from } and { $to } px was not in view when its screenshot was taken (the page had scrolled away) and may show another part of the page
warn-js-dialog = a JavaScript dialog was dismissed ({ $text })
warn-document-kept = the address serves a document ({ $media_type }), not a web page: it is kept exactly as the server sent it ({ $name }, { $size } bytes, SHA-256 { $sha256 }); no screenshot or PDF/A was made of Chromium's document viewer
warn-slow-load = the page had not finished loading after { $secs } s (a resource kept loading); captured what had loaded
warn-download = the page tried to download a file ("{ $name }" from { $url }); the download was refused, nothing was saved
warn-popup = the page opened a pop-up window ({ $url }); it was closed and is not part of the capture
warn-consent-navigated = after the consent click the page loaded { $url }; the capture shows that page
warn-redirected = redirected ({ $status }) from { $from } to { $to }

# h-msg: what verify found wrong with a package
verify-sidecar-missing = the .sha256 sidecar is missing beside the package, so the package as a whole cannot be checked
verify-package-sha-mismatch = the package's SHA-256 does not match its sidecar { $sidecar }: the package file was changed or damaged
verify-sidecar-other-file = the sidecar names another file
verify-xml-too-large = the XML file is too large to check (verify holds at most { $file_mib } MiB of one XML file and { $total_mib } MiB of XML in all)
verify-entry-longer = the entry holds more data than its header declares (a zip bomb or a damaged archive); it was not read further
verify-entry-unreadable = the entry cannot be read: { $detail }
verify-entry-shorter = the entry is shorter than its header declares: the container is truncated or damaged
verify-entry-twice = the entry appears twice in the container
verify-zip-entry-unopenable = the zip entry cannot be opened: { $detail }
verify-entry-symlink = the entry is a symbolic link; a package holds only files and folders
verify-entry-bomb = the entry claims to unpack to more than compressed data can hold (a zip bomb); it was not read
verify-tar-damaged = the tar stream is damaged: { $detail }
verify-tar-bad-name = a tar entry has a bad name: { $detail }
verify-entry-special = the entry is not a regular file but a { $kind ->
        [symlink] symbolic link
        [hard-link] hard link
        [char-device] character device
        [block-device] block device
        [fifo] FIFO
       *[other] special entry
    }; a package holds only files and folders
verify-name-escapes = the entry's name could escape the package folder
verify-name-characters = the entry's name has characters outside [A-Za-z0-9._-/]
verify-root-folders = the package must hold exactly one root folder
verify-zip-duplicate = the entry appears { $count } times in the zip; an unpacking program could extract another file than the one checked
verify-central-unreadable = the zip's central directory cannot be read: { $detail }
verify-local-header-unreadable = its local header cannot be read: { $detail } (a damaged or crafted zip: unpacking programs may see other data than verify)
verify-local-header-missing = it has no local header where the central directory says (a damaged or crafted zip: unpacking programs may see other data than verify)
verify-local-header-disagrees = its local header disagrees with the central directory: { $fields } (a damaged or crafted zip: unpacking programs may see other data than verify)
verify-root-mets-missing = the root METS.xml is missing
verify-objid = OBJID does not name the root folder
verify-profile = PROFILE is not the E-ARK SIP profile
verify-no-file-grp = no fileGrp USE="{ $group }"
verify-no-representation = no representation (mptr) is listed
verify-rep-mets-missing = the representation METS named by the root METS (mptr) is missing
verify-no-href = { $element } { $id } has no xlink:href
verify-ref-leaves = the reference { $href } leaves the package
verify-listed-missing = the file listed in { $listed_in } is missing
verify-checksum-type = { $href }: CHECKSUMTYPE is not SHA-256
verify-sha-mismatch = SHA-256 does not match { $source }
verify-size-mismatch = size does not match { $source }
verify-format-mismatch = the file's format (PRONOM) is not what { $source } says
verify-no-created = { $href }: no CREATED
verify-premis-no-location = a PREMIS object has no contentLocation
verify-premis-outside = PREMIS names a location outside the package: { $location }
verify-described-missing = the file described in { $described_in } is missing
verify-premis-sha-mismatch = SHA-256 does not match the fixity in { $premis }
verify-premis-no-fixity = the PREMIS object for { $file } has no fixity
verify-premis-empty = PREMIS describes no objects
verify-record-outside = names a location outside the package: { $href }
verify-record-sha-mismatch = SHA-256 does not match the capture record { $record }
verify-record-size-mismatch = size does not match the capture record { $record }
verify-schemas-not-run = schema validation was not run (no xmllint given)
verify-schemas-could-not-run = schema validation could not run: { $detail } (install libxml2-utils for xmllint)
verify-schema-invalid = does not validate against { $schema ->
        [wrapper] METS 1.12 + DILCIS CSIP/SIP schemas
       *[other] { $schema }
    }: { $detail }
verify-unlisted = the file is not listed in any METS file
verify-not-utf8 = not UTF-8 text: { $detail }
verify-not-xml = not well-formed XML: { $detail }
verify-expected-found = expected { $expected }, found { $found }
verify-expected = expected { $expected }
verify-found = found { $found }

# h-msg: errors of the store, the packages and the use cases
store-busy = the register is busy: another Ögonblick program is writing to it; try again in a moment
store-import-rows = { $count } of the rows in the file are wrong and nothing was imported; fix them and import again: { $rows }
store-io = cannot { $action } { $path }: { $detail }; check that the path exists, is readable and writable and that the disk is not full
store-disk-full = the disk is full: { $what } cannot be written (no space left on the device); make room on the disk, then try again
store-sqlite = the register database failed: { $detail }; if this persists, run `ogonblick reindex` to rebuild it from the files
store-json = a JSON file is unreadable: { $detail }
package-read = could not read { $path }: { $detail }
package-write = could not write { $path }: { $detail }
package-fixity = the snapshot file { $path } does not match its recorded fixity ({ $what }); the store may be damaged, run `ogonblick verify` on the snapshot before exporting
package-cancelled = the export was cancelled; nothing was left under the final name
package-inventory = could not build the inventory PDF/A: { $detail }
package-unreadable = the package could not be read as { $format }: { $detail }
package-internal = internal error: { $detail }
package-not-zip-or-tar = the package could not be read as zip or tar: { $path } is neither a zip nor a tar file
capture-cannot-write = cannot write { $path }: { $detail }; free some disk space and try again

# h-msg: progress details of long jobs
progress-scrolled = { $y } of { $height } px
progress-slice = slice { $n } of { $of }
progress-cancelled = cancelled
progress-exported = { $path } ({ $files } files)
progress-problems = { $count } problem(s)

## lead: verify's timestamp step
verify-tsa-root-unreadable = not a root certificate: { $detail }
verify-manifest-too-large = the manifest is too large to check
verify-manifest-unreadable = the manifest cannot be read: { $detail }
verify-manifest-file-missing = the file listed in { $manifest } is missing
verify-manifest-sha-mismatch = SHA-256 does not match the manifest { $manifest }
verify-token-too-large = the timestamp token is too large to check
verify-token-no-roots = no root certificate in { $folder } to check the timestamp against
verify-token-invalid = the timestamp does not hold: { $detail }

## lead: the disposal log as a document
disposal-log-title = Disposal log
disposal-log-made = { $organisation } – made { $at } by { $by }
disposal-log-counts = { $documents } documents disposed of, { $files } files deleted
disposal-log-rows = Documents disposed of
disposal-log-empty = Nothing has been disposed of.
disposal-log-column = { $name ->
        [disposed-at] Disposed of
        [disposed-by] Disposed of by
        [kind] Kind
        [id] Id
        [channel] Channel
        [board] Board
        [address] Address
        [item-date] The document's date
        [diary-number] Diary number
        [rule] Rule
        [period] Retention period
        [decision] Disposal decision
        [run-reference] Reference of the disposal
        [files] Deleted files
       *[other] the column { $name }
    }

## lead: the desktop's surroundings
desktop-no-viewer = No program could open { $path } ({ $detail }): install a PDF and image viewer, or open the file from the data folder.
desktop-no-file-manager = No file manager could show { $path } ({ $detail }): the file is in the data folder.
dialog-choose-folder = Choose the folder to save the packages in

## lead: the validators' sentences (issue 11)
url-empty = an address is empty: give the full page address, e.g. https://www.facebook.com/nackakommun
url-space = '{ $url }' contains a space: a page address has none; copy the address again from the browser's address bar (a space inside an address is written %20)
url-invisible = '{ $url }' contains the invisible character { $code }: a page address has none; copy the address again from the browser's address bar
url-backslash = '{ $url }' contains a backslash (\): web addresses use / between their parts; copy the address from the browser's address bar
url-no-scheme = '{ $url }' is not a web address: start it with https://, e.g. https://{ $url }
url-invalid = '{ $url }' is not a valid web address ({ $detail }): copy the address from the browser's address bar
url-scheme = '{ $url }' is not a web page address: '{ $scheme }:' addresses cannot be captured, only http:// and https:// addresses can be archived; copy the address from the browser's address bar
url-no-host = '{ $url }' is not a valid web address: give it as https://host/path, e.g. https://www.example.se/page
url-sign-in = the address { $url } holds a user name or password before the '@': never put sign-in details in an address, because the address is kept in the register, in every snapshot and package and in CSV exports; give the address without them ({ $clean }) and sign in through the organisation's browser profile instead: 'Logga in på plattformen' in the app
text-direction = { $field } '{ $value }' contains the invisible text-direction character { $code }, which makes the text show in another order than it is stored: remove it (type the text again rather than pasting it)
text-control = { $field } '{ $value }' contains the control character { $code }{ $multiline ->
        [true] {""}
       *[false] {" "}(line breaks belong in the notes)
    }: register fields hold plain text only; remove it (type the text again rather than pasting it)
channel-name-empty = the name is empty: give the channel's display name
channel-platform-missing = the platform is missing: use one of { $allowed }
channel-no-address = no address is given: add at least one page address, e.g. https://www.facebook.com/nackakommun
channel-address-twice = the address '{ $url }' is given twice: give each address once
unknown-word = unknown { $what ->
        [schedule-policy] schedule policy
        [channel-status] channel status
        [snapshot-reason] snapshot reason
        [snapshot-status] snapshot status
        [file-role] file role
        [channel-field] channel field
        [kind-of-removed-item] kind of removed item
        [removal-action] removal action
        [disposed-kind] disposed kind
       *[other] { $what }
    } '{ $given }': use one of { $allowed }
csv-row = row { $row }: { $problems }
csv-row-fields = it has { $fields } fields but the header has { $header }: check for a stray delimiter or an unquoted ';' or ','
csv-status-closed = the status '{ $status }' cannot be imported: Ögonblick closes a channel only after its pre-closure snapshot is packaged and verified; write 'closing' (under avveckling) to start that closure, or leave the row out if the account is gone and its material is archived elsewhere
csv-address-in-row = the address '{ $url }' is also in row { $row }: give each address once
csv-address-registered = the address '{ $url }' is already registered on channel { $id } ('{ $name }'): remove the row or give another address
page-address-bad = Could not capture { $url }: { $why }
file-thumbnail-width = a thumbnail width of { $width } pixels is not possible: give 1 to { $max }
file-no-page = snapshot { $snapshot } has { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    }; page index { $index } does not exist: give 0 to { $last }
file-no-png = page { $page } ({ $url }) of snapshot { $snapshot } has no PNG image: take a new snapshot of the channel
file-no-png-failed = page { $page } ({ $url }) of snapshot { $snapshot } has no PNG image (the capture failed: { $why }): take a new snapshot of the channel
file-bad-path = '{ $path }' is not a file path inside snapshot { $snapshot }: give a path as listed in the snapshot's files, e.g. page-01.png
file-not-recorded = snapshot { $snapshot } has no file { $path }: give one of the files listed in its history entry
file-unreadable = the { $folder ->
        [true] folder of file
       *[false] file
    } { $path } of snapshot { $snapshot } cannot be read ({ $detail }): check the data folder, or run `ogonblick reindex` if it was moved
file-outside = the file { $path } of snapshot { $snapshot } leads outside its snapshot folder; it is not opened. Check the data folder for links put there by hand
file-bad-image = the image { $path } cannot be read ({ $detail }): the file may be damaged; verify the snapshot or take a new one
file-thumbnail-encode = cannot encode the thumbnail: { $detail }
reindex-settings-unreadable = { $path } is unreadable ({ $detail }); the settings are back to defaults
reindex-not-channel-folder = { $path } is not a channel folder; skipped
reindex-snapshot-elsewhere = { $path } describes snapshot { $snapshot } of channel { $channel }, not this folder; skipped
reindex-snapshot-file-missing = snapshot folder { $folder } lacks the file { $file } (or its size differs); not recorded, so no record points at a missing file
reindex-manifest-unreadable = { $path } is missing or unreadable ({ $detail }); that folder was not recorded
reindex-channel-other = { $path } holds channel { $found } instead of { $id }
reindex-channel-unreadable = { $path } is missing or unreadable ({ $detail })
reindex-channel-from-snapshot = channel { $id } was restored from its newest snapshot's entry; changes made after that snapshot are lost
reindex-channel-skipped = channel { $id } could not be restored and was skipped
reindex-address-elsewhere = the address '{ $url }' of channel { $id } is also on another channel; it was kept there only
reindex-grounds-unreadable = { $path } is unreadable ({ $detail }); the removal grounds are back to the defaults
reindex-audit-line = { $path } line { $line } is unreadable ({ $detail }); skipped
reindex-set-unreadable = { $path } is unreadable ({ $detail }); the channels it holds are restored from their snapshots where they have any
reindex-removal-unreadable = { $path } is unreadable ({ $detail }); the removal record was not recorded
reindex-removal-elsewhere = { $path } does not describe removal record { $id } of channel { $channel } with versions 1, 2, …; not recorded
reindex-removal-file-missing = removal folder { $folder } lacks the file { $file } (or its size differs); not recorded, so no record points at a missing file
field-name = the name
field-board = the board
field-unit = the unit
field-responsible = the responsible person
field-substitute = the substitute
field-purpose = the purpose
field-audience = the audience
field-notes = the notes
field-author = the author
field-removed-by = the removed by
field-text = the text
field-diary-number = the diary number
field-police-report = the police report
field-ground-text = the ground text
field-contact-message = the contact message
field-forwarded-to = the forwarded to
field-certified-by = the certified by
field-ground = the ground
field-secrecy = the osl
field-mark-note = the note
field-login = the login
field-decision = the decision

## lead: the store's sentences (issue 11)
store-invalid = { $problems }
csv-not-utf8 = { $path } is not UTF-8 text: in Excel, save it as 'CSV UTF-8' and import again
csv-empty = { $path } is empty: it needs a header line (name;platform;urls;…) and one row per channel
csv-open-quote = { $path }: the quote (") that opens a field on line { $line } is never closed, so everything after it would be read as one field; close the field with a second " or remove the quote (a quote inside a quoted field is written "")
csv-column-twice = the column '{ $column }' appears twice
csv-column-unknown = the column '{ $column }' is unknown: use { $known } (or the Swedish namn, plattform, adresser, nämnd, enhet, ansvarig, ersättare, syfte, målgrupp, intervall, status, anteckningar)
csv-column-missing = the column '{ $column }' is missing
csv-no-rows = { $path } has a header but no rows: add one row per channel
csv-cannot-write = cannot write CSV: { $detail }
csv-unreadable = { $path } cannot be read as CSV{ $row ->
    [0] {""}
   *[other] {" "}at row { $row }
    } ({ $detail }): check the quotes in that row
store-schema-newer = the register database has schema version { $current }, newer than this Ögonblick knows ({ $known }); install the newer version of Ögonblick
store-no-parent = { $path } has no parent directory
store-symlink = { $path } is a symbolic link: a snapshot folder holds only plain files
store-no-channel = no channel has id { $id }: run `ogonblick channel list` to see the ids
store-snapshot-exists = a snapshot with id { $id } already exists: use a new id
store-snapshot-busy = snapshot { $id } is already being captured by another run: wait for it to finish
store-staging-mismatch = the snapshot (id { $id }, channel { $channel }) does not belong to this staging folder (id { $staging_id }, channel { $staging_channel })
store-file-twice = the file { $path } is recorded twice
store-file-not-staged = the recorded file { $path } is not in the staging folder { $dir }
store-file-mismatch = the file { $path } has size { $size } and SHA-256 { $sha256 }, but its record says size { $recorded_size } and SHA-256 { $recorded_sha256 }
store-snapshot-folder-exists = the snapshot folder { $path } already exists: use a new snapshot id
store-commit-busy = the register stayed busy for { $minutes } minutes (another Ögonblick program is writing to it); the snapshot folder { $folder } is stored and complete, and the next start of Ögonblick records it (or run `ogonblick reindex`)
store-commit-conflict = { $cause } (the snapshot folder { $folder } is stored and complete; run `ogonblick reindex` to record it)
store-commit-unrecorded = the snapshot folder { $folder } is stored and complete, but the register could not record it ({ $cause }): run `ogonblick reindex`
store-no-snapshot = no snapshot has id { $id }: run `ogonblick history` to see the snapshots
store-bad-snapshot-id = '{ $id }' cannot be a snapshot id: use letters, digits, '-', '_' and '.' only
store-bad-file-path = the file path '{ $path }' is not a plain relative path inside the snapshot folder
store-snapshot-inconsistent = snapshot { $id }: { $problem ->
    [complete-unfinished] a complete snapshot needs every page captured
    [complete-without-files] a complete snapshot needs files for every page
    [failed-with-files] a failed snapshot holds no files
   *[failed-with-pages] a failed snapshot has no captured page; call it partial
    }
store-channel-closed = channel { $id } is closed and its register entry is archived: it cannot be changed
csv-bad-header = the header line of { $path } is wrong: { $problems }
store-channel-status-order = channel { $id } is { $status }{ $dated ->
    [true] {" "}since { $since }
   *[other] {""}
    }: { $wanted ->
    [closing] only an active channel can start closing
   *[other] only a closing channel can be closed, after its pre-closure package is verified
    }
store-url-taken = the address '{ $url }' is already registered on channel { $id } ('{ $name }'): each address belongs to one channel, so edit that channel or give another address
store-urls-taken = { $problems }
store-removal-busy = removal record { $id } is being written by another Ögonblick program: try again in a moment
store-bad-ground = removal ground { $n } ('{ $code }') needs a short name of a-z, 0-9 and '-' and a Swedish and an English label
store-ground-twice = the removal ground '{ $code }' is listed twice
store-removal-exists = a removal record with id { $id } already exists: use a new id
store-removal-unrecorded = the removal record's folder { $folder } is stored and complete, but the register could not record it ({ $cause }): run `ogonblick reindex`
store-removal-fixed = a new version of removal record { $id } cannot change its channel or its evidence
store-no-removal = no removal record has id { $id }: run `ogonblick removal list` to see the records
store-bad-removal-id = '{ $id }' cannot be a removal record id: use letters, digits, '-' and '_' only
store-removal-needs-file = a removal record with a file as evidence needs the file
store-no-channel-snapshot = no snapshot has id { $id }: run `ogonblick history --channel { $channel }` to see the channel's snapshots
store-snapshot-other-channel = snapshot { $id } is of channel { $of }, not of channel { $channel }: link a snapshot of the same channel
store-not-image = { $path } is not a PNG, JPEG or PDF file
store-file-too-large = { $path } is larger than { $mib } MiB
store-disposal-other-channel = { $kind } { $id } is not of channel { $channel }
store-disposal-wrong-folder = { $kind } { $id } is recorded in { $folder }, not in its own folder: run `ogonblick reindex`
store-bad-disposal-id = '{ $id }' cannot be a disposal id: use letters, digits, '-' and '_' only
store-unreadable = { $path } is unreadable ({ $detail }): run `ogonblick reindex`
store-manifest = { $detail }
store-no-authority = snapshot { $id } was not sent to an authority number { $n }
store-not-pending = snapshot { $id } is not waiting for a timestamp (no authority was configured when it was stored)
store-import-busy = another program is writing the channels { $channels }: import again in a moment
store-staging-extra = the staging folder holds files without a record: { $files }

# h-evid: the time-stamping authorities' timeout, the signer's certificate
timestamp-bad-timeout = { $seconds } seconds is not a time an authority can be given to answer: give { $min } to { $max } seconds

## h-deb: the first run (setup of a new data folder) and exporting without an organisation
export-no-organisation = The organisation's name is not set, and the archive package needs it: fill it in under Inställningar → Organisation (or run ogonblick settings set --name "…").
setup-name-missing = Give the organisation's name, e.g. "Nacka kommun": it goes into every archive package.
setup-browser-found = The browser is there: { $path }.
setup-browser-missing = No Chromium, Chrome or Edge was found. Install Chromium (Debian and Ubuntu: sudo apt-get install chromium) or Google Chrome, or give the browser's path in OGONBLICK_CHROMIUM.
setup-font-found = The emoji font is there: { $path }.
setup-font-missing = The Noto Color Emoji font is missing, so emoji become empty boxes in the snapshots. Install it (Debian and Ubuntu: sudo apt-get install fonts-noto-color-emoji).

## h-ui19: Översikt as a document for a board's report
overview-doc-title = Overview: state per board and unit
overview-doc-board = Board: { $board }
overview-doc-all-boards = All boards
overview-doc-made = { $organisation } – made { $at } by { $by }
overview-doc-counts = Channels per board and unit
overview-doc-rows = The channels
overview-doc-empty = The register has no channels for the selection.
overview-doc-none = (none)
overview-doc-total = Total
overview-doc-column = { $name ->
        [board] Board
        [unit] Unit
        [channel] Channel
        [channels] Channels
        [documented] Documented
        [due] To take now
        [overdue] Overdue
        [failed] Failed
        [closing] Being closed down
        [no-substitute] No substitute
        [state] State
        [last-complete] Last complete
        [responsible] Responsible
       *[substitute] Substitute
    }
overview-doc-state = { $state ->
        [not-due] Documented for the period
        [due] To take now
        [overdue] Overdue
        [closure-due] Final snapshot before closing down
        [closed] Closed down
        [manual] Manual only
       *[other] State { $state }
    }
overview-unknown-board = The board “{ $board }” has no channels in the register: choose one of { $known }

## h-diff: comparisons of snapshots and suggested major changes
warn-comparison-failed = The page could not be compared with snapshot { $snapshot } ({ $detail }); the snapshot was stored all the same.
change-same-snapshot = Choose two different snapshots to compare.
change-page-unreadable = The page { $url } could not be compared ({ $detail }): check the snapshot's files with verify.
change-nothing-in-common = Snapshots { $older } and { $newer } have no page with the same address: choose two snapshots of one channel.
change-no-suggestion = Snapshot { $snapshot } suggests no major change waiting for an answer: see the list with `ogonblick changes`.
change-note-missing = Describe the major change (for example a new profile picture or a new name).
change-report-title = What changed: snapshot { $newer } compared with { $older }
change-report-made = Made { $at } by { $by }.
change-report-verdict = { $major ->
        [yes] The comparison suggests a major change of the channel.
       *[other] The comparison suggests no major change of the channel.
    }
change-report-rows = Pages
change-report-column = { $name ->
        [page] Page
        [similarity] Similarity
        [identity] Changed in the channel's identity
        [regions] Changed regions
        [removed] Text removed
       *[added] Text added
    }
change-similarity = text { $text } %, top band { $header } %
change-signal-name = { $name ->
        [title] the page's title
        [address] the final address
        [header-text] name or description
        [header-image] profile or cover picture
       *[rules-page] about or rules page
    }

## h-win: setting the comparison thresholds
comparison-bad-setting = { $value } cannot be the comparisons' { $setting ->
        [header_height] height of the top band (pixels)
        [tile_size] tile size (pixels)
        [tile_distance] bits a tile's picture may differ
        [colour_distance] colour change a tile may have
        [header_tiles] changed tiles in the top band that suggest a major change
        [header_text_similarity] similarity of the top band's text below which a major change is suggested
        [rules_page_text_similarity] similarity of the rules page's text below which a major change is suggested
       *[other] setting { $setting }
    }: give { $min } to { $max }
# h-roles: roles and the role check.
role-name = { $role ->
        [handlaggare] case officer
        [arkivarie] archivist
        [chef] manager
        [administrator] administrator
       *[other] the role { $role }
    }
role-action = { $action ->
        [capture] take snapshots
        [major-change] register a major change
        [removal-record] record removed content
        [certify-removal] certify removed content
        [register-edit] change the register
        [export] make archive packages
        [closure] close channels
        [diary-number] set diary numbers
        [mark] set protection marks
        [retention] change retention rules or holds
        [removal-grounds] change the removal grounds
        [disposal] dispose of documents
        [report] write reports
        [reindex] rebuild the register
        [settings] change the settings
        [roles] change roles
       *[other] do { $action }
    }
role-refused = { $login } is { $has } and may not { $action }; only { $needed } may. An administrator can give you the right role (ogonblick role set).
role-refused-unit = { $login } is case officer for { $units } and may not { $action } for the channel { $channel }, which { $unit }. A case officer works only on the channels of their units: ask an administrator to add the unit (ogonblick role set --unit).
role-channel-unit = belongs to the unit { $unit }
role-channel-no-unit = has no unit in the register
role-none = { $login } has no role in the register and may not { $action }; only { $needed } may. Ask an administrator to give you a role (ogonblick role set).
role-no-login = Cannot tell who is logged in, so no role can be looked up and nobody may { $action }. Log in as yourself (the login name in $USER or %USERNAME%).
role-last-administrator = { $login } is the last administrator: first give someone else the administrator role, or remove every role to turn roles off.
role-not-set = { $login } has no role in the register: see ogonblick role list.
role-first-without-login = The register has no roles yet, and whoever gives the first role becomes administrator as well. But Ögonblick does not know who you are: none of USER, LOGNAME or USERNAME is set. First give yourself the administrator role (ogonblick role set YOUR-LOGIN --role administrator), or set USER, then give { $login } their role. Nothing was changed.
role-nothing-given = Give { $login } at least one role: handlaggare, arkivarie, chef or administrator.
role-units-without-handlaggare = Units apply to case officers only: give { $login } the role handlaggare, or leave out --unit.
role-handlaggare-without-unit = A case officer works on the channels of their units: give { $login } at least one unit with --unit.
role-bad-login = { $login } is not a login name: give the name the computer knows the user by, without spaces.
## lead: the export preview (issue 19)
export-no-out = Give `--out`, the file or folder to write the package to, or `--dry-run` to see only what the package would hold.

## h-close: undoing a closure, and the account deleted on the platform
close-undo-not-closing = Channel { $id } is { $status }, not closing: there is no started closure to undo.
close-undo-too-late = The closure of channel { $id } can no longer be undone: the final snapshot { $snapshot } has been taken. Complete the closure instead (review, export and verify the archive package).
close-deleted-not-closed = Channel { $id } is { $status }, not closed: complete the closure (ogonblick close-complete { $id }) before the account is deleted on the platform and the deletion recorded.
close-deleted-bad-date = “{ $value }” is not a date: write the day the account was deleted as YYYY-MM-DD, e.g. 2027-03-14.
close-deleted-future = The date { $date } has not come yet (today is { $today }): give the day the account was deleted on the platform.
close-deleted-before-start = The date { $date } is before the closure started on { $started }: give the day the account was deleted on the platform, which is after the closure started.

## h-diff: the comparison report's pictures
change-report-figures = The top of the pages: the older and the newer picture, changed regions marked (in the top band with the channel's name, pictures and description in purple, elsewhere in red)
change-report-figure = { $which ->
        [older] Older
       *[other] Newer, changed regions marked
    }: { $url }

## h-voc: the use cases' last refusals in plain text, a capture's cut feed, a skipped channel
app-fault = Ögonblick hit an internal fault ({ $detail }): try again, and if it happens again report it with what you did
register-nothing-to-change = nothing to change: give at least one field to change, e.g. --name or --add-url
register-no-such-address = channel { $id } has no address '{ $url }': its addresses are { $urls }
register-csv-is-folder = { $path } is a folder: give a file name such as register.csv
register-csv-no-folder = the folder { $folder } does not exist: create it or give another file name
closure-not-final = snapshot { $snapshot } is not the complete final snapshot of channel { $id }: take the pre-closure snapshot again and review that one
closure-package-unverified = the package { $package } did not verify ({ $problems }): export it again
verify-problem-at = { $path }: { $what }
reindex-no-data-dir = { $path } does not exist: give --data-dir the folder that holds the channels/ folder
config-bad-test-now = { $var }={ $value } is not an RFC 3339 time: unset it, or give e.g. 2025-01-02T10:00:00Z
config-no-home = cannot find your home folder to keep the data in: give --data-dir DIR or set OGONBLICK_DATA_DIR
config-operator-empty = the operator name is empty: give --operator NAME or set OGONBLICK_OPERATOR
config-data-dir-empty = the data directory is empty: give --data-dir DIR
config-data-dir-file = { $path } is a file, not a folder: give --data-dir a folder
export-manifest-unreadable = the snapshot folder { $folder } has no readable { $file }: run `ogonblick reindex` or restore the folder
export-manifest-other = { $file } in { $folder } belongs to another snapshot: run `ogonblick reindex`
export-inside-data-dir = { $path } is inside Ögonblick's data folder { $data_dir }, which holds the register and the snapshots: write the package to a folder outside it (for example your Documents folder or the e-archive's transfer folder)
export-no-match = no snapshot matches: check the channel, board and period (only complete snapshots are packaged unless you include incomplete ones)
export-no-archive-creator = the archive creator (arkivbildare) is unclear: give --archive-creator BOARD or set the package defaults
package-retention-needs-decision = retention 'dispose after N years' needs the retention decision's reference (gallringsbeslut)
login-browser-watch = cannot watch the sign-in browser: { $detail }
capture-no-channels = name at least one channel to capture: see `ogonblick channel list`
schedule-settings-unusable = the organisation's schedule settings are not usable: { $why }. Correct them in the settings
schedule-settings-json = schedule settings are not valid: { $detail }
schedule-bad-day = '{ $given }' is not a day of the year: { $detail }
schedule-window-count = the { $policy } policy needs exactly { $expected } window(s), the settings have { $got }: { $policy ->
        [half-yearly] one in spring and one in autumn, e.g. 03-01–04-30 and 10-01–11-30
       *[other] e.g. 10-01–11-30
    }
schedule-window-in-blackout = the { $policy } window { $window } lies entirely inside the blackout { $blackout }: nothing could ever be due in it; move the window or shorten the blackout
schedule-window-split = the blackout { $blackout } splits the { $policy } window { $window } in two: split the window into two windows or move the blackout
schedule-windows-overlap = the { $policy } windows { $a } and { $b } overlap (after blackouts are taken away): make them separate
schedule-unknown-timezone = unknown time zone '{ $timezone }': use an IANA name such as Europe/Stockholm
schedule-bad-instant = '{ $given }' is not a date or time: give YYYY-MM-DD (noon, { $timezone } time) or an RFC 3339 time such as 2027-03-01T08:00:00+01:00
roles-unreadable = { $path } is unreadable ({ $detail }): restore it from a backup
scheduler-state-unreadable = cannot read { $path } ({ $detail }): check the permissions of the data folder
truncated-tall = the page is { $height } px tall; the capture keeps the first { $kept } px
truncated-height-cap = stopped scrolling at the height cap of { $cap } px; the page may continue (endless feed)
truncated-time-cap = stopped scrolling after the time cap of { $secs } s at { $at } px; the page may continue (endless feed)
capture-done-meanwhile = channel { $id } was captured by another run meanwhile
desktop-no-path = No { $what ->
        [disposal-log] file name for the disposal log
        [package-file] file name for the package
        [package-folder] folder for the packages
        [package] package
        [csv] CSV file
        [overview] file name for the overview
       *[other] file name
    } was given: choose a file first.
cli-urls-both = --url replaces all addresses: use either --url or --add-url/--remove-url, not both
cli-url-one-channel = --url captures one address for one channel: name exactly one channel id
cli-policy-or-default = { $why } (or 'default' for the organisation's default)
cli-bad-channel-id = '{ $given }' is not a channel id: give the number shown by `ogonblick channel list`
cli-bad-date = '{ $given }' is not a date: give YYYY-MM-DD or an RFC 3339 time
cli-bad-format = unknown format '{ $given }': use zip or tar
cli-bad-removals = unknown --removals '{ $given }': use none, with or only
cli-timestamps-pending = { $count } snapshot(s) still wait for a timestamp: check the authority's address and the network, then run `ogonblick timestamp --pending` again
cli-bad-setting-key = unknown settings key '{ $given }': use one of { $known }
cli-settings-nothing = nothing to change: give e.g. --name, --default-policy or --tsa-url

# h-review
timestamp-state-damaged = the timestamp record of snapshot { $snapshot } is damaged: its manifest checksum '{ $given }' is not a SHA-256; run `ogonblick reindex` to read it again from the snapshot's timestamp.json, then `ogonblick timestamp --pending`
# h-ui19: the organisation's list of boards and units; bulk edits.
org-board-unknown = board '{ $board }' is not in the organisation's list ({ $known }): pick a board from the list, or add it under Settings → Boards and units (`ogonblick org board add "{ $board }"`)
org-unit-unknown = unit '{ $unit }' is not under { $board } in the organisation's list ({ $known }): pick a unit from the list, or add it under Settings → Boards and units (`ogonblick org unit add "{ $board }" "{ $unit }"`)
org-unit-needs-board = unit '{ $unit }' has no board: pick the board the unit belongs to first
org-no-such-board = board '{ $board }' is not in the organisation's list ({ $known }): check the spelling with `ogonblick org list`
org-no-such-unit = unit '{ $unit }' is not under { $board } ({ $known }): check the spelling with `ogonblick org list`
org-board-exists = board '{ $board }' is already in the organisation's list
org-unit-exists = unit '{ $unit }' is already under { $board }
org-board-in-use = board '{ $board }' is used by { $channels ->
        [one] one channel
       *[other] { $channels } channels
    }: move the channels to another board first, or rename the board instead
org-unit-in-use = unit '{ $unit }' of { $board } is used by { $channels ->
        [one] one channel
       *[other] { $channels } channels
    }: move the channels to another unit first, or rename the unit instead
org-name-empty = the name is empty: give the board's or unit's name
bulk-no-channels = no channels chosen: choose at least one channel
## h-rem3: removal records' change notes, the police report, a capture-first that failed
removal-note-certified = certified by { $by }
removal-note-corrected = correction
removal-note-corrected-because = correction: { $reason }
removal-note-recaptured = captured again: snapshot { $snapshot }
removal-note-diary-set = diary number { $number }
removal-note-diary-removed = diary number removed
removal-police-contradicts = A police report cannot be both “no” and have a police reference or date: give `--police-reported` (yes) or leave out `--police-report` and `--police-report-date`.
removal-capture-first-failed = Record { $id } is saved, but the capture of { $url } failed ({ $why }); the failed snapshot { $snapshot } keeps what was tried. Capture it again with `ogonblick removal recapture { $id }`, or record your own screenshot if the item is already gone.
## h-docs: the packages' human-readable documents (the inventory and
## how-the-snapshots-were-taken.md), in the organisation's language
date-time-utc = { $day } at { $time } UTC
doc-retention-preserve = Preserved
doc-retention-dispose = Disposed of after { $years } years under retention decision { $decision }
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
        [blog] blog
       *[other] other platform
    }
doc-reason = { $reason ->
        [half-yearly] half-yearly
        [yearly] yearly
        [major-change] major change
        [pre-closure] before closing down
        [single-item] single address
       *[ad-hoc] ad hoc
    }
doc-status = { $status ->
        [complete] complete
        [partial] partial
       *[failed] failed
    }
doc-how-title = How the snapshots were taken
doc-how-made = This package was made with { $software } for { $organisation }. It follows FGS Paketstruktur 2.0 (E-ARK CSIP 2.1.0 and E-ARK SIP 2.1.0).
doc-how-method = Each page address of a channel was opened in a headless Chromium browser with a fixed viewport. Consent dialogs were dismissed where the tool recognised them (what was clicked is recorded per page); login or consent walls that could not be passed are recorded as such. The page was scrolled to its end (endless feeds are cut at a height or time cap, which is recorded), captured as full-page screenshot slices stitched into one PNG, and printed by the browser to PDF, which was then finished to PDF/A-2b (XMP identification, sRGB output intent, embedded fonts). Every file was hashed with SHA-256 when it was stored; the export re-hashed every file while copying it into this package and refused to continue on any mismatch.
doc-how-snapshots = Snapshots
doc-how-snapshot = { $channel }, snapshot { $id }: reason { $reason }, status { $status }, taken { $at } by { $operator } in { $took }
doc-single-address = One-address capture: { $url }
doc-how-page = { $url }: { $ok ->
        [true] captured
       *[false] failed
    } with { $tool } { $at }, browser { $browser }
doc-page-figures = viewport { $width } × { $height } px, { $slices ->
        [one] 1 slice
       *[other] { $slices } slices
    }, { $pdf_pages ->
        [one] 1 PDF page
       *[other] { $pdf_pages } PDF pages
    }, { $took }
doc-page-why = Why: { $why }
doc-how-retention = Retention
doc-inv-title = Table of contents of the submission package { $objid }
doc-inv-page = { $title } (page { $n } of { $of })
doc-inv-label = Label: { $label }
doc-inv-made = Created { $at } with { $software }
doc-inv-organisation = Organisation: { $name }, organisation number { $number }
doc-inv-creator = Archive creator: { $creator }   Submitting unit: { $unit }
doc-inv-e-archive = E-archive: { $archive }   Submission agreement: { $agreement }
doc-inv-classification = Classification: { $code }   Document management plan: { $row }
doc-inv-retention = Retention: { $retention }
doc-inv-snapshots = Snapshots
doc-inv-snapshot = { $channel } – taken { $at } – reason: { $reason } – status: { $status } – { $diary }
doc-diary-number = reg. no. { $number }
doc-not-registered = not registered
doc-protection = protection: { $marks }
doc-inv-page-line = { $ok ->
        [true] captured
       *[false] failed
    }: { $url }
doc-inv-files = Files (SHA-256, size, format)
doc-inv-file = { $sha256 }  { $bytes } bytes ({ $size })  { $format }
doc-format-unknown = unknown format
doc-inv-also = Also: { $files } and documentation/inventory.pdf (this file). Their checksums are in METS.xml and in the package's .sha256 file.
doc-inv-web-archives = { $path } (the web archives, WACZ)
doc-removals = Removal records
doc-inv-removal = { $id } – { $channel } – removed { $at } – { $kind }, { $action }
doc-ground = ground: { $ground }
doc-inv-removal-detail = { $url } – { $versions }{ $notes } – evidence: { $evidence }
doc-certified-by = , certified by { $by }
doc-police-reported = , reported to the police
doc-evidence-snapshot = snapshot { $id }
doc-evidence-file = own screenshot { $name }
doc-how-removals-intro = Each removal record documents an item staff removed, hid or blocked on the channel, outside the platform. Every version of the record (it is append-only) is in `metadata/descriptive/removals/<record>/removal.xml` (schema `schemas/ogonblick-removal-record.xsd`). Its evidence is a snapshot of the item in this package, or a screenshot staff supplied by hand when the item was already gone, kept with its SHA-256.
doc-how-removal = { $id } ({ $channel }): { $what } { $at } by { $by }
doc-versions = { $versions ->
        [one] 1 version
       *[other] { $versions } versions
    }
# h-voc3: a day of the year, the package's refusals, a closure started, the CLI's reports.
day-form = write the day as MM-DD, e.g. 03-01 for 1 March
day-no-month = month { $month } does not exist (use 01–12)
day-no-day = month { $month } has days 01–{ $max }
package-nothing = no snapshots to package: choose a channel or period that has snapshots
package-no-organisation = the organisation's name is not set: set it in the settings (organisation) before exporting
package-no-archive-creator = the archive creator (board, arkivbildare) is not set: give the board that owns the records
package-no-folder = the folder { $folder } does not exist: create it or choose another
package-exists = { $path } already exists: choose another name (packages are never overwritten)
package-snapshot-format = snapshot { $snapshot } has format '{ $format }', expected '{ $expected }'
package-snapshot-folder-missing = the snapshot folder { $folder } does not exist
package-snapshot-file-outside = snapshot { $snapshot } names the file '{ $path }', which is outside its folder; the snapshot.json is damaged
package-snapshot-bad-path = snapshot { $snapshot }: bad file path '{ $path }'
package-not-a-file = { $path } is not a file
package-evidence-name-taken = snapshot { $snapshot } records a page file named { $name }, the name of its manifest or timestamp; the snapshot.json is damaged
package-removal-no-version = a removal record in { $folder } has no version; its removal.json is damaged
package-removal-format = removal record { $id } has format '{ $format }', expected '{ $expected }'
package-removal-twice = removal record { $id } is named twice in the export
package-removal-evidence-missing = removal record { $id }: its evidence, snapshot { $snapshot }, is not in the package; package the snapshot with the record
package-removal-file-outside = removal record { $id } names the file '{ $path }', which is outside its folder; the removal.json is damaged
closure-started = Channel { $id } is now closing: take a pre-closure snapshot of every address, export and verify the archive package, and only then delete the account on the platform.
closure-step-name = { $step ->
        [start] start the closure
        [snapshot] final snapshot
        [review] review the snapshot
        [export] export the package
        [verify] verify the package
        [close] mark closed
       *[deleted] account deleted on the platform
    }
closure-step-state = { $state ->
        [done] done
        [next] next
       *[open] -
    }
cli-column = { $column ->
        [kind] KIND
        [id] ID
        [channel] CHANNEL
        [date] DATE
        [rule] RULE
        [decision] DECISION
        [due-since] DUE SINCE
       *[kept-because] KEPT BECAUSE
    }
cli-package-written = package { $objid } written: { $path } ({ $files } files, { $snapshots } snapshot(s), { $bytes } bytes)
cli-package-sha = sha256 { $sha256 }  (sidecar { $sidecar })
cli-preview-package = { $marked ->
        [true] package of marked items
       *[other] package
    }: { $snapshots } snapshot(s), { $removals } removal record(s), { $marks } marked item(s), { $bytes } bytes of files
cli-preview-snapshot-pages = { $pages } page(s)
cli-preview-removal = removal record
cli-preview-nothing = Nothing to package: no snapshot matches.
cli-preview-without-snapshot = Warning: { $count } channel(s) have no complete snapshot in the period and are not documented by this export:
cli-verify-ok = OK: { $objid } — { $files } files, every checksum, size, reference{ $schemas ->
        [true] , the schemas
       *[other] {""}
    } and the sidecar match
cli-verify-not-ok = NOT OK: { $count } problem(s) in { $package }
cli-closure-complete = channel { $id } ({ $name }) is closed: pre-closure snapshot { $snapshot }, package { $package } verified
cli-closure-undone = the closure of channel { $id } ({ $name }) is undone: the channel is { $status } again
cli-closure-channel = channel { $id } ({ $name }): { $status }
cli-closure-decision = decision:     { $decision }
cli-closure-diary = diary number: { $number }
cli-closure-deleted-on = deleted on { $date }
cli-closure-can-undo = the closure can still be undone: ogonblick channel undo-close { $id }
cli-dispose-due = Due for disposal: { $count }
cli-dispose-kept = Due but kept: { $count }
cli-disposed-of = Disposed of: { $count }
cli-disposed-item = { $kind } { $id } ({ $files } file(s)) under { $decision }
desktop-job-no-id = A job needs an id; the window sends one with every long command.
desktop-job-running = Job { $job } is already running; wait for it or cancel it.
desktop-scheduled-capture-running = The scheduled capture of the due channels is running right now: wait for it to finish or cancel it.
desktop-due-capture-running = A capture of the due channels is running already: wait for it to finish or cancel it.
desktop-job-kind-running = Job { $job } of the same kind is running already: wait for it to finish or cancel it.
desktop-scheduler-start = cannot start the background scheduler: { $detail }
cli-hold-set = { $id } is on hold: { $reason }
cli-hold-lifted = The hold on { $id } is lifted.
cli-diary-kept = The documents of diary number { $number } are { $keep ->
        [true] kept
       *[other] no longer kept
    }.
cli-disposal-log-written = The disposal log is written to { $path }.

## h-voc4: the audit log's events (the English text, `AuditEntry.detail`:
## the events older versions wrote as text keep those versions' words, which
## the legacy reader parses)
audit-channel-added = added channel '{ $name }'
audit-channel-imported = imported channel '{ $name }' from { $source }
audit-channel-edited = changed { $fields }
audit-status = status { $from } → { $to }{ $decision }{ $diary }
audit-decision = ; decision: { $decision }
audit-diary-number = ; diary number: { $number }
audit-closed-on = closed on pre-closure snapshot { $snapshot } and verified package { $objid } ({ $path })
audit-closure-reviewed = reviewed the pre-closure snapshot { $snapshot }
audit-settings-set = set { $key }
audit-snapshot-stored = { $status ->
        [failed] snapshot { $snapshot } failed ({ $reason }, { $pages } page(s)){ $single }
       *[other] stored snapshot { $snapshot } ({ $status }, { $reason }, { $pages } page(s)){ $single }
    }
audit-single-address = { " " }of the single address { $url }
audit-login-browser = opened a visible browser on the organisation profile at { $url }
audit-package-exported = package { $objid } written to { $path } (sha256 { $sha256 }, { $size } bytes) with snapshots { $snapshots }
audit-package-verified = package { $objid } at { $path }: { $ok ->
        [true] verified, no problems
       *[other] { $problems } problem(s)
    }
audit-register-exported = exported { $channels } channel(s) to { $path }
audit-register-rebuilt = rebuilt the register: { $channels } channel(s), { $snapshots } snapshot(s), { $entries } audit entries, { $warnings } warning(s)
audit-removal-recorded = recorded removal { $removal } ({ $item }, { $action }, ground { $ground }) with { $by_hand ->
        [true] the file supplied by hand, sha256
       *[other] snapshot
    } { $evidence }
audit-removal-corrected = corrected removal { $removal }: version { $version }
audit-removal-certified = removal { $removal } certified by { $by } (version { $version })
audit-diary-set = diary number set to { $number } for snapshots [{ $snapshots }] and removals [{ $removals }]
audit-diary-removed = diary number removed for snapshots [{ $snapshots }] and removals [{ $removals }]
audit-mark-set = marked { $kind } { $id } as holding { $mark }
audit-mark-set-note = marked { $kind } { $id } as holding { $mark } ({ $note })
audit-mark-cleared = cleared the mark of { $kind } { $id }
audit-hold-set = put { $id } on hold (no disposal): { $reason }
audit-hold-cleared = lifted the hold on { $id }
audit-diary-kept = the documents of diary number { $number } are { $keep ->
        [true] to be kept
       *[other] no longer kept
    }
audit-item-disposed = disposed of { $kind } { $id } under disposal decision { $decision } ({ $files } file(s), disposal { $disposal })
audit-removal-report = removal report { $from } to { $to }{ $channel }{ $board } with { $records } record(s) written to { $path }
audit-report-channel = , channel { $id }
audit-report-board = , board { $board }
audit-removal-recaptured = removal { $removal } captured again: snapshot { $snapshot } (version { $version })
audit-ground-changed = removal ground { $code } { $change ->
        [added] added
        [edited] reworded
       *[retired] retired
    }
audit-timestamp-added = timestamped snapshot { $snapshot } by { $authority } at { $time } UTC ({ $token })
audit-timestamp-pending = timestamp of snapshot { $snapshot } pending: { $authority } gave no token ({ $cause })
audit-change-registered = suggested major change of snapshot { $snapshot } registered: snapshot { $new_snapshot } ({ $note })
audit-change-dismissed = suggested major change of snapshot { $snapshot } dismissed
audit-change-dismissed-note = suggested major change of snapshot { $snapshot } dismissed ({ $note })
audit-role-set = roles of { $login } set: { $roles }
audit-role-set-units = roles of { $login } set: { $roles } (units { $units })
audit-role-removed = roles of { $login } removed
audit-access-refused = { $login } was refused { $action }: no role allows it
audit-closure-undone = closure undone: status { $from } → { $to }
audit-account-deleted = the account was deleted on the platform on { $date }
audit-board-added = board { $board } added to the organisation's list
audit-unit-added = unit { $unit } of board { $board } added to the organisation's list
audit-board-renamed = board { $board } renamed to { $to }
audit-unit-renamed = unit { $unit } of board { $board } renamed to { $to }
audit-board-removed = board { $board } removed from the organisation's list
audit-unit-removed = unit { $unit } of board { $board } removed from the organisation's list
channel-state = { $state ->
        [active] active
        [closing] closing
       *[closed] closed
    }
register-field = { $field ->
        [name] name
        [platform] platform
        [urls] urls
        [board] board
        [unit] unit
        [responsible] responsible
        [substitute] substitute
        [purpose] purpose
        [audience] audience
        [policy] policy
       *[notes] notes
    }
removed-kind = { $kind ->
        [post] post
        [comment] comment
        [reply] reply
        [image] image
        [private-message] private message
       *[account-blocked] account blocked
    }
removal-action = { $action ->
        [unpublished] unpublished
        [deleted] deleted
        [hidden] hidden
       *[blocked] blocked
    }
# h-pg: the register on PostgreSQL (issue 15)
store-pg-address = the address of the PostgreSQL register is not valid ({ $detail }); write it as postgres://user@host:port/database
store-pg-unreachable = cannot connect to the PostgreSQL register { $address }: { $detail }; check the address, the user name and password, and that the server runs and accepts connections from this computer
store-pg-lost = the connection to the PostgreSQL register failed: { $detail }; check the network and the server, then try again
store-postgres = the PostgreSQL register refused a change: { $detail }; nothing of it was saved; if this persists, tell the database administrator
store-channel-changed-by = channel { $id } ({ $name }) was changed by { $by } at { $at } after you opened it; nothing of your change was saved: reload the channel and make your change again

## h-cli11: the lines and words of the CLI's own reports (`CliLine`)
cli-word = { $word ->
        [never] never
        [yes] yes
        [no] no
        [none] none
        [not-yet] not yet
        [hold] hold
        [diary-number-kept] diary number kept
        [skipped] skipped
        [ok] ok
        [failed] FAILED
        [on] on
        [off] off
        [default] default
        [no-board] (no board)
        [no-unit] (no unit)
        [retired] retired
        [error] error
        [pages] pages
       *[now] now
    }
cli-label = { $label ->
        [record] Record
        [channel] Channel
        [address] Address
        [kind] Kind
        [author] Author
        [published-at] Published at
        [text] Text
        [removed-at] Removed at
        [action] Action
        [ground] Ground
        [police-report] Police report
        [diary-number] Diary number
        [contacted] Contacted
        [forwarded] Forwarded
        [certified] Certified
        [evidence] Evidence
        [mark] Mark
        [versions] Versions
        [id] id
        [name] name
        [platform] platform
        [status] status
        [addresses] addresses
        [board] board
        [unit] unit
        [responsible] responsible
        [substitute] substitute
        [purpose] purpose
        [audience] audience
        [policy] policy
        [created] created
        [closing-since] closing since
        [closed] closed
        [notes] notes
        [org-name] name
        [org-number] org number
        [e-archive] e-archive
        [submission-agreement] submission agreement
        [default-policy] default policy
        [web-archive] web archive
        [tsa-authorities] timestamp authorities
        [tsa-roots] timestamp roots
       *[tsa-timeout] timestamp timeout
    }
cli-header = { $column ->
        [kind] KIND
        [id] ID
        [channel] CHANNEL
        [date] DATE
        [rule] RULE
        [decision] DECISION
        [due-since] DUE SINCE
        [kept-because] KEPT BECAUSE
        [name] NAME
        [platform] PLATFORM
        [status] STATUS
        [board] BOARD
        [last-snapshot] LAST SNAPSHOT
        [address] ADDRESS
        [snapshot] SNAPSHOT
        [started] STARTED
        [reason] REASON
        [pages] PAGES
        [operator] OPERATOR
        [diary] DIARY
        [timestamp] TIMESTAMP
        [mark] MARK
        [state] STATE
        [responsible] RESPONSIBLE
        [substitute] SUBSTITUTE
        [why] WHY
        [last-good] LAST GOOD
        [next] NEXT
        [failures] FAILURES
        [snapshots] SNAPSHOTS
        [record] RECORD
        [removed] REMOVED
        [action] ACTION
        [ground] GROUND
        [police] POLICE
        [certified] CERTIFIED
        [login] LOGIN
        [roles] ROLES
        [units] UNITS
        [set] SET
        [by] BY
        [compared-with] COMPARED WITH
        [changed] CHANGED
        [what] WHAT
        [id-or-number] ID / NUMBER
        [at] AT
        [disposed] DISPOSED
        [files] FILES
        [seq] SEQ
        [actor] ACTOR
        [detail] DETAIL
        [in-swedish] IN SWEDISH
        [in-english] IN ENGLISH
        [retention] RETENTION
        [deliver-first] DELIVER FIRST
        [computer] COMPUTER
        [until] UNTIL
       *[problems] PROBLEMS
    }
cli-channel-status = { $status ->
        [active] active
        [closing] closing
        [closed] closed
       *[other] { $status }
    }
cli-policy = { $policy ->
        [half-yearly] half-yearly
        [yearly] yearly
        [manual] manual
       *[other] { $policy }
    }
cli-marked-kind = { $kind ->
        [snapshot] snapshot
        [removal] removal
       *[other] { $kind }
    }
cli-disposed-kind = { $kind ->
        [snapshot] snapshot
        [removal] removal
       *[other] { $kind }
    }
cli-stage = { $stage ->
        [launching] Launching
        [navigating] Navigating
        [consent] Consent
        [scrolling] Scrolling
        [slicing] Slicing
        [stitching] Stitching
        [printing] Printing
        [pdf-a] PdfA
        [hashing] Hashing
        [storing] Storing
        [packaging] Packaging
        [verifying] Verifying
        [done] Done
       *[other] { $stage }
    }
cli-warning = warning: { $what }
cli-register-empty = The register is empty: add channels with `ogonblick channel add`.
cli-channels-none = No channels. Add one with `ogonblick channel add --name NAME --platform PLATFORM --url URL`.
cli-history-none = No snapshots yet.
cli-reindex-done = Rebuilt the register: { $channels } channel(s), { $snapshots } snapshot(s), { $audit_entries } audit entries.
cli-count = { $count } { $what ->
        [closure-due] closure due
        [overdue] overdue
        [due] due
        [not-due] not due
        [manual] manual
        [closed] closed
       *[failures] failure(s) since the last good snapshot
    }
cli-group = { $board } / { $unit }: { $counts }
cli-due-header = What is due on { $date } ({ $timezone }; { $local } local time here).
cli-due-blackout = Blackout '{ $label }' ({ $from } to { $to }): unattended runs capture only final snapshots of closing channels.
cli-due-total = { $channels } channel(s): { $counts }. An unattended run would capture { $now } now.
cli-coverage-header = Coverage on { $date } ({ $timezone }).
cli-coverage-all-closed = Every channel is closed: add --include-closed to list them.
cli-coverage-channels = { $channels } channel(s), { $good } with a good snapshot
cli-coverage-total = In total: { $counts }.
cli-next-overdue = now (overdue)
cli-next-final = now (final snapshot)
cli-next-by = by { $day }
cli-next-from = from { $day }
cli-removals-none = No removal records.
cli-version = { $id } (version { $version })
cli-at-by = { $at } by { $by }
cli-forwarded-to = to { $to } at { $at }
cli-certified-by = by { $by } at { $at }
cli-evidence-snapshot = snapshot { $id }
cli-evidence-failed = snapshot { $id }, capture failed ({ $status }); capture it again with `ogonblick removal recapture { $record }` or record your own screenshot
cli-evidence-gone = snapshot { $id }, no longer in the register; capture it again with `ogonblick removal recapture { $record }`
cli-evidence-file = file supplied by hand { $path } ({ $media_type }, { $size } bytes, sha256 { $sha256 }), was { $original }
cli-mark-set-at = (set { $at } by { $by })
cli-role-units = { $roles } (units: { $units })
cli-role-first = (the register's first roles: you are its administrator)
cli-claims-none = No channel is being captured now (the register holds no claim in force).
cli-roles-none = No roles are set: everyone may do everything (ogonblick role set LOGIN --role ...).
cli-role-removed = { $login }: no roles.{ $last ->
        [true] {" "}No one has a role now: everyone may do everything.
       *[other] {""}
    }
cli-marked = { $kind } { $id } marked: { $words }
cli-mark-cleared = mark of { $id } removed
cli-imported = Imported { $count } channel(s): { $ids }
cli-exported = Exported { $count } channel(s) to { $path }
cli-timestamp-none = No snapshot is waiting for a timestamp.
cli-tsa-none = none (snapshots are not timestamped)
cli-change-dismissed = suggestion of { $snapshot } dismissed
cli-change-registered = major change registered: snapshot { $snapshot } ({ $status })
cli-changed-signals = changed: { $signals }
cli-compare-page = { $url }  text { $text } %, top band { $header } %, { $regions } changed regions
cli-diary-set = { $removed ->
        [true] Diary number removed from
       *[other] Diary number { $number } set on
    } { $snapshots } snapshot(s) and { $removals } removal record(s).
cli-disposal-log-document = The disposal log ({ $count } documents) is written to { $path }.
cli-capture-nothing = Nothing to capture.
cli-capture-incomplete = { $count } of { $total } snapshot(s) are not complete: see `ogonblick history` for what failed, then capture again
cli-state = { $state ->
        [not-due] not-due
        [due] due
        [overdue] overdue
        [closure-due] closure-due
        [closed] closed
        [manual] manual
       *[other] { $state }
    }
cli-compare-verdict = { $older } → { $newer }: { $major ->
        [true] suggests a major change
       *[other] no major change
    }
cli-platform = { $platform }
cli-reason = { $reason }
cli-role = { $role }

## h-voc5: removal certify|correct, the grounds' changes, the retention rules
cli-removal-certified = Removal record { $id } certified (version { $version }).
cli-removal-corrected = Removal record { $id } corrected (version { $version }).
cli-ground-changed = Removal ground { $code } { $change ->
        [added] added
        [edited] reworded
       *[retired] retired
    }.
cli-retention-kind = { $kind ->
        [snapshot] snapshot
        [snapshot-reason] snapshot:{ $detail }
        [removal] removal
        [removal-ground] removal-ground:{ $detail }
        [removal-action] removal-action:{ $detail }
       *[report] report
    }
cli-retention-keep = keep
cli-retention-years = dispose after { $years }y
cli-retention-months = dispose after { $months }m
cli-removal-report-written = Removal report with { $count ->
        [one] 1 record
       *[other] { $count } records
    } written to { $path }.
cli-removal-recaptured = Removal record { $id } captured again: snapshot { $snapshot } (version { $version }).
cli-org-no-boards = The organisation has no list of boards yet: any board and unit may be given (`ogonblick org board add NAME`).
removal-contact-template = Hello { $named ->
        [true] { $author }
       *[other] there
    }. { $kind ->
        [comment] Your comment goes against our rules for comments, which you find at { $rules_page }, and has therefore been removed.
        [reply] Your reply goes against our rules for comments, which you find at { $rules_page }, and has therefore been removed.
        [image] Your image goes against our rules for comments, which you find at { $rules_page }, and has therefore been removed.
        [private-message] Your private message goes against our rules for comments, which you find at { $rules_page }, and has therefore been removed.
        [account-blocked] Your account has been blocked, because what you wrote goes against our rules for comments, which you find at { $rules_page }.
       *[post] Your post goes against our rules for comments, which you find at { $rules_page }, and has therefore been removed.
    } Kind regards, { $sender }
## h-doc11: the package's last texts in the organisation's language
package-label = { $removals ->
        [true] Removed content
       *[other] Snapshots
    } { $names } { $period }
package-label-marked = { $label } (marked)
doc-inv-subject = Table of contents of the submission package { $objid }, made { $at }
premis-capture = Capture of { $url } (snapshot { $snapshot }, reason { $reason ->
        [half-yearly] half-yearly
        [yearly] yearly
        [major-change] major change
        [pre-closure] before closing the account
        [single-item] single address
       *[ad-hoc] ad hoc
    }{ $single }) with { $with }
premis-capture-with = { $tool } { $version }, browser { $browser }, viewport { $width }x{ $height }
premis-single-address = , one-address capture of { $url }
premis-created-with = { $tool } with { $browser }
premis-digest = SHA-256 computed for every file while it was copied into the package; for captured files it matched the fixity recorded at capture
premis-validation = Format identification and validation of { $path }: { $format } { $version } ({ $puid })
premis-validation-unidentified = Format identification and validation of { $path }: { $format } { $version } (not identified)
premis-agent-operator = operator
premis-org-number = Organisation number { $number }
premis-removal-supplied = Screenshot of { $url } supplied by hand for removal record { $record } (the item was already gone): { $file }
premis-supplied-file = { $name } ({ $media_type }), SHA-256 { $sha256 }
premis-removal = The { $kind } at { $url } was { $action } on the platform on the ground { $code } ({ $ground }); removal record { $record }
premis-removal-correction = Version { $version } of removal record { $record }{ $note }
premis-correction-note = : { $note }
premis-removal-certified = Removal record { $record } certified by a second person, { $by }
premis-mark-note = { $kind } { $id }: marked { $at } by { $by }
premis-rights-gdpr = Förordning (EU) 2016/679 (dataskyddsförordningen) art. 9: känsliga personuppgifter / sensitive personal data
premis-restriction-personal-data = Holds sensitive personal data: disclose only after review (känsliga personuppgifter, prövas före utlämnande)
premis-restriction-secret = Marked as secret: disclose only after a secrecy review (sekretessprövning före utlämnande)

# h-voc6: the engine's own snapshot notes, and why a PNG gets no thumbnail.
snapshot-note-before-removal = captured before the content was removed, as evidence for the removal record
snapshot-note-recaptured = captured again for removal record { $removal }
file-bad-image-why = the image { $path } cannot be read ({ $why }): the file may be damaged; verify the snapshot or take a new one
png-no-pixels = it has no pixels
png-bit-depth = unexpected bit depth { $depth } after expansion
png-palette = palette not expanded
png-interlaced-large = it is interlaced and too large for a thumbnail
png-no-rows = no rows could be decoded

# h-fix3: a snapshot's row points at its own folder only.
store-bad-snapshot-folder = '{ $folder }' is not the snapshot's folder: a snapshot is recorded in { $expected }, relative to the data folder
# h-pg6, h-pg5
store-pg-no-data-dir = the PostgreSQL register ({ $address }) has no data directory, so the files of the snapshots and removal records cannot be reached; give the shared data directory and try again
# h-voc7: the last English a Swedish user met.
capture-browser-stopped = Chromium stopped unexpectedly ({ $why }); start the capture again
chromium-not-running = the browser is no longer running
chromium-pipe-closed = the browser closed its connection to Ögonblick; it exited or crashed
chromium-no-answer = the browser did not answer { $method } within { $secs } s
png-read = the PNG reader could not read it; technical detail: { $detail }
png-write = the PNG writer could not write it; technical detail: { $detail }
png-interlaced = it is interlaced, which captured pages never are
file-thumbnail-failed = the thumbnail could not be made: { $why }
format-png-ok = PNG signature and chunk structure intact (chunks: { $chunks })
format-png-broken = PNG structure broken: { $problems }
format-png-bad-chunk = broken chunk header at byte { $offset }
format-png-not-ihdr-first = first chunk is not IHDR
format-png-no-iend = the file does not end with a complete IEND chunk
format-png-no-idat = no IDAT chunk
format-png-after-iend = data after the IEND chunk
format-pdf-ok = PDF header { $version } and %%EOF present{ $claim }; not a full ISO 19005 validation
format-pdf-claims = , XMP claims PDF/A-{ $level }
format-pdf-no-claim = , no PDF/A claim in XMP
format-pdf-broken = PDF structure broken: { $problems }
format-pdf-no-header = no %PDF-x.y header
format-pdf-no-eof = no %%EOF marker at the end (truncated?)
format-zip = ZIP local header first (its entry under archive/: { $warc_first }), end of central directory at the end: { $eocd }, datapackage.json in the central directory: { $package }
format-text = UTF-8 text without NUL bytes
format-unknown = format not identified
format-xml-ok = well-formed XML (parsed)
format-xml-large = XML declaration present; larger than 16 MiB, well-formedness not checked
format-xml-not-utf8 = not UTF-8: { $detail }
format-xml-broken = not well-formed XML: { $detail }
format-check-failed = generated { $path } failed its own format check: { $why }
pdf-page-subject = Snapshot of { $url } taken { $at }
app-fault-of = Ögonblick hit an internal fault ({ $fault ->
        [capture-returned-nothing] the capture returned nothing
        [no-closing-time] a closing channel has no closing time
        [sha256-hex] SHA-256 hex
       *[mark-not-stored] the mark was not stored
    }): try again, and if it happens again report it with what you did
cli-lang-unknown = '{ $value }' is not a language: use sv or en
store-folder-gone = the folder { $folder } is no longer there (it is being disposed of or was moved): nothing was written
store-bad-folder = '{ $folder }' cannot be a folder of the register: it must not hold '..' or start at the root
store-removal-wrong-folder = removal record { $id } is recorded in { $folder }, not in its own folder: run `ogonblick reindex`
# h-pg9
reindex-recorded-file-missing = snapshot { $snapshot } is recorded, but its folder { $folder } lacks the file { $file } (or its size differs); the record was kept and nothing was removed: put the file back from a backup
## h-voc8: the last English we wrote ourselves (Chromium's launch, the capture's faults, why a page could
## not be compared, a package's fixity and inventory, the file operation a system error is about)
capture-chromium-missing = could not start Chromium: { $path } does not exist: install Debian's chromium package (apt-get install chromium) or set OGONBLICK_CHROMIUM to the browser's path
capture-chromium-spawn = could not start Chromium ({ $path }): { $detail }
capture-chromium-silent = could not start Chromium ({ $why }{ $profile_in_use ->
        [true] ; the profile folder is in use by another Chromium: close the sign-in window first
       *[false] { "" }
    }); Chromium said: { $said }
capture-no-profile = no profile folder is set for the organisation: signing in needs a persistent profile
capture-fault-of = capture failed: { $what ->
        [screenshot-data] the screenshot from the browser could not be decoded
        [page-text] the page's text file could not be made
        [pdf-stream] the PDF from the browser could not be decoded
        [served-document] a document the page served could not be decoded
        [file-stem] the name given to the page's files cannot be a file name
        [chromium-answer] the browser refused a command
        [pdf-a] the PDF/A file could not be made
       *[stitch] the screenshots could not be joined into one image
    }; technical detail: { $detail }
chromium-refused = the browser refused { $method }: { $detail }
compare-unreadable = cannot read { $path }: { $detail }
compare-not-png = { $path } is not a PNG this program can read: { $why }
compare-not-text = { $path } is not a page text file: { $why }
text-file-too-large = it is { $size } bytes, more than { $max }
text-file-format = its format is “{ $format }”, not ogonblick-page-text/1
text-file-json = it is not valid JSON; technical detail: { $detail }
png-rows-short = only { $read } of { $height } rows could be read
warn-comparison-failed-why = The page could not be compared with snapshot { $snapshot } ({ $why }); the snapshot was stored all the same.
change-page-unreadable-why = The page { $url } could not be compared ({ $why }): check the snapshot's files with verify.
fixity-size = size { $actual } bytes, { $by ->
        [manifest] the manifest
       *[removal-record] the removal record
    } says { $recorded }
fixity-sha256 = SHA-256 { $actual }, { $by ->
        [manifest] the manifest
       *[removal-record] the removal record
    } says { $recorded }
fixity-short = the file ended early; technical detail: { $detail }
package-fixity-why = the snapshot file { $path } does not match its recorded fixity ({ $why }); the store may be damaged, run `ogonblick verify` on the snapshot before exporting
package-inventory-of = could not build the inventory PDF/A: { $part ->
        [font] its font could not be read
       *[write] the PDF could not be written
    }; technical detail: { $detail }
store-io-of = cannot { $action ->
        [read] read
        [write] write
        [create] create
        [create-folder] create the folder
        [open] open
        [lock] lock
        [remove] remove
        [sync] sync
        [append-to] append to
        [read-or-write] read or write
        [use-wal] use write-ahead logging on
        [move-into-store] move into its place in the store
        [move-out-of-store] move out of the store
        [read-csv] read the CSV file
        [copy] copy
        [write-import-entries] write the channel entries of the import into
       *[rename-into-place] rename into place
    } { $path }: { $detail }; check that the path exists, is readable and writable and that the disk is not full
store-setting-unreadable = the stored { $key } settings are unreadable ({ $detail }): set them again
store-roles-file-unreadable = { $path } is unreadable ({ $detail }): restore it from a backup before rebuilding, or the roles would be lost
store-import-entries-later = the channel entries of the import could not be written into { $folder } ({ $why }); the { $count } channel(s) are in the register, and their entries are written to the files the next time Ögonblick starts: make room on the disk if it is full
store-commit-no-room = { $cause } (the snapshot folder { $folder } is stored and complete: once there is room, { $next_start ->
        [true] the next start of Ögonblick records it, or run `ogonblick reindex`
       *[false] run `ogonblick reindex` to record it
    })
store-wal-refused = The register database { $path } cannot use a write-ahead log (WAL): SQLite stayed in { $mode } mode. The data folder is probably on a network drive or a file system that does not support it; put the data folder on a local disk, or use a shared register on PostgreSQL (--database).
store-pg-unreadable-value = The register on PostgreSQL holds a value this version of Ögonblick cannot read: { $value } ({ $detail }). Another tool or a newer version may have written it; ask whoever manages the database to correct the row, or upgrade Ögonblick.
## h-claim: claims of channels being captured
capture-claim-lost = The capture of channel { $id } was cancelled: another run has taken the channel over, because this run could not renew its claim on the channel in the register in time. No snapshot was stored; try again when the other run has finished.

## h-desk: the shared data directory's identity and the desktop's saved connection
store-pg-data-dir-other = The data folder { $path } belongs to another register than the one on PostgreSQL ({ $address }): its file { $marker } names another register. Choose the data folder of this register (the shared folder the other desktops use), or connect to the register the folder belongs to.
store-pg-data-dir-unmarked = The data folder { $path } lacks the file { $marker } that shows it belongs to the register on PostgreSQL ({ $address }). The shared folder is probably not mounted on this computer, or it is the wrong folder: connect the network drive or choose the shared data folder, then start again. Nothing in the folder was changed.
store-pg-data-dir-foreign = The data folder { $path } already holds channel folders but no file { $marker }, so it does not belong to the register on PostgreSQL ({ $address }); it may be a local register's data folder. Choose an empty folder or the shared data folder of the register. Nothing in the folder was changed.
store-pg-marker-unreadable = The file { $path } that shows which register the data folder belongs to cannot be read ({ $detail }). Restore it from a backup or from another computer using the same shared folder.
shared-register-password = The address holds a password, and passwords are never saved in Ögonblick's settings. Remove the password from the address and put it in the password file ~/.pgpass (on Windows %APPDATA%\postgresql\pgpass.conf) or the file PGPASSFILE names, as your IT department prescribes.
shared-register-not-postgres = { $address } is not a PostgreSQL address: it must start with postgres:// or postgresql://, for example postgres://anna@db.example.org/ogonblick.
shared-register-file-unreadable = The saved connection to a shared register ({ $path }) cannot be read ({ $detail }). Save the address again in Settings, or remove the file to use the local register.
shared-register-test-ok = The connection to { $address } works and the database's schema is ready for this version of Ögonblick (created in an empty database, upgraded in an older one). Nothing was written in the data folder. { $adopted ->
        [true] The data folder { $path } gets the register's marker the next time Ögonblick starts on this register.
       *[false] The data folder { $path } belongs to this register.
    }
# h-voc9: the timestamp's and the package's last English become typed reasons with data only.
timestamp-ca-refused = { $path } cannot be used as a root certificate: { $reason ->
        [pem] the file cannot be read as PEM
        [not-certificate] a certificate in the file cannot be used as a root certificate
        [empty] the file holds no certificate
       *[other] the file cannot be read
    }; give a PEM file with the root certificate
verify-token-refused = the timestamp does not hold: { $reason ->
        [unreachable] the authority could not be reached ({ $detail })
        [no-connection] the authority could not be reached
        [host-not-found] the authority's host name does not exist (DNS)
        [tls] the encrypted connection (TLS) to the authority could not be made
        [no-random] the computer gave no random number for the request
        [http] the authority answered HTTP status { $detail }
        [timeout] the authority did not answer within { $detail } seconds
        [nonce] the reply does not answer our request
        [url] the address is not an http or https address
        [malformed] the reply cannot be read as a timestamp (RFC 3161)
        [not-granted] the authority granted no timestamp (status { $detail })
        [imprint] the timestamp is for another checksum than the manifest's (SHA-256 { $detail })
        [unsupported] the timestamp uses an algorithm that cannot be checked ({ $detail })
        [attributes] the timestamp's signed attributes do not match its content ({ $detail })
        [signature] the signature does not match
        [signer-missing] the timestamp does not carry its signer's certificate
        [untrusted] the certificate '{ $detail }' does not lead to a trusted root certificate
        [bad-root] a configured root certificate cannot be used
        [expired] the certificate had expired at the time of stamping (valid until { $detail })
        [not-yet-valid] the certificate was not yet valid at the time of stamping (valid from { $detail })
        [usage] the certificate is not for time-stamping
        [no-roots] no root certificate is configured
        [signing-cert] the signer's certificate is not the one the signature names ({ $detail })
        [signing-cert-missing] the timestamp does not name its signer's certificate (no signingCertificate)
       *[other] the reply cannot be read
    }
verify-tsa-root-refused = not a root certificate: { $reason ->
        [pem] the file cannot be read as PEM
        [not-certificate] the certificate cannot be used as a root certificate
        [empty] the file holds no certificate
       *[other] the file cannot be read
    }
manifest-line-bad = line { $line } of the manifest cannot be read: { $problem ->
        [not-plain-path] the path is not a plain relative path
        [not-sha256] the checksum is not 64 hexadecimal digits (SHA-256)
        [too-short] the line is shorter than a checksum and a path
        [no-separator] the checksum and the path are not separated by two spaces
        [twice] the path is listed twice
       *[other] the line cannot be read
    }
manifest-not-text = the manifest is not UTF-8 text
verify-local-header-differs = its local header disagrees with the central directory: { $fields } (a damaged or crafted zip: unpacking programs may see other data than verify)
zip-local-field = { $field ->
        [name] the name '{ $value }'
        [method] compression method { $value }
        [crc] CRC-32 { $value }
        [compressed] compressed size { $value } bytes
        [size] size { $value } bytes
       *[other] the field of value { $value }
    }
package-hash-stopped = The checksum of { $path } could not be computed: the computation stopped before the file was copied (a fault in the program; try again and report it if it happens again)
snapshot-manifest-format = { $path } is written in the format '{ $format }', which this version of Ögonblick cannot read (it reads '{ $expected }'): upgrade Ögonblick

## h-fix: the timestamp failures' sentences with the detail inside each reason (issue 11); the old keys keep the old sentences for stored rows
timestamp-failed-why = No timestamp from { $url }: { $reason ->
        [unreachable] the authority could not be reached ({ $detail })
        [no-connection] the authority could not be reached
        [host-not-found] the authority's host name does not exist (DNS)
        [tls] the encrypted connection (TLS) to the authority could not be made
        [no-random] the computer gave no random number for the request
        [http] the authority answered HTTP status { $detail }
        [timeout] the authority did not answer within { $detail } seconds
        [nonce] the reply does not answer our request
        [url] the address is not an http or https address
        [malformed] the reply cannot be read as a timestamp (RFC 3161)
        [not-granted] the authority granted no timestamp (status { $detail })
        [imprint] the timestamp is for another checksum than the manifest's (SHA-256 { $detail })
        [unsupported] the timestamp uses an algorithm that cannot be checked ({ $detail })
        [attributes] the timestamp's signed attributes do not match its content ({ $detail })
        [signature] the signature does not match
        [signer-missing] the timestamp does not carry its signer's certificate
        [untrusted] the certificate '{ $detail }' does not lead to a trusted root certificate
        [bad-root] a configured root certificate cannot be used
        [expired] the certificate had expired at the time of stamping (valid until { $detail })
        [not-yet-valid] the certificate was not yet valid at the time of stamping (valid from { $detail })
        [usage] the certificate is not for time-stamping
        [no-roots] no root certificate is configured
        [signing-cert] the signer's certificate is not the one the signature names ({ $detail })
        [signing-cert-missing] the timestamp does not name its signer's certificate (no signingCertificate)
       *[other] the reply cannot be read
    }. The snapshot is stored and marked as missing its timestamp; `ogonblick timestamp --pending` tries again
timestamp-token-refused = The timestamp { $token } does not hold: { $reason ->
        [unreachable] the authority could not be reached ({ $detail })
        [no-connection] the authority could not be reached
        [host-not-found] the authority's host name does not exist (DNS)
        [tls] the encrypted connection (TLS) to the authority could not be made
        [no-random] the computer gave no random number for the request
        [http] the authority answered HTTP status { $detail }
        [timeout] the authority did not answer within { $detail } seconds
        [nonce] the reply does not answer our request
        [url] the address is not an http or https address
        [malformed] the reply cannot be read as a timestamp (RFC 3161)
        [not-granted] the authority granted no timestamp (status { $detail })
        [imprint] the timestamp is for another checksum than the manifest's (SHA-256 { $detail })
        [unsupported] the timestamp uses an algorithm that cannot be checked ({ $detail })
        [attributes] the timestamp's signed attributes do not match its content ({ $detail })
        [signature] the signature does not match
        [signer-missing] the timestamp does not carry its signer's certificate
        [untrusted] the certificate '{ $detail }' does not lead to a trusted root certificate
        [bad-root] a configured root certificate cannot be used
        [expired] the certificate had expired at the time of stamping (valid until { $detail })
        [not-yet-valid] the certificate was not yet valid at the time of stamping (valid from { $detail })
        [usage] the certificate is not for time-stamping
        [no-roots] no root certificate is configured
        [signing-cert] the signer's certificate is not the one the signature names ({ $detail })
        [signing-cert-missing] the timestamp does not name its signer's certificate (no signingCertificate)
       *[other] the reply cannot be read
    }

# h-migrate (issue 15): `ogonblick migrate --to postgres://…`.
store-pg-migrate-no-source = The data folder has no local register to move: { $path } does not exist. Give with --data-dir the data folder whose register is to be moved.
store-pg-migrate-source-old = The local register { $path } has an older schema version than this version of Ögonblick. Open it once with this version (for example `ogonblick history`) so that it is upgraded, then move it. Nothing was changed.
store-pg-migrate-marked = The data folder already belongs to a shared register on PostgreSQL: the file { $path } exists. A register is moved only once. If the file is left from an interrupted move and no register on PostgreSQL uses the folder, remove the file and move again. Nothing was changed.
store-pg-migrate-not-empty = The database { $address } already holds a register ({ $tables }), and a move never overwrites a register. Move into a new, empty database (created with `createdb`, for example), or drop the old database if it is not needed. Nothing was changed in it.
store-pg-migrate-value = The column { $column } of the table { $table } in the local register holds a value of the wrong type and cannot be moved. Run `ogonblick reindex` to rebuild the register from the files, then move again. Nothing was changed in the database.
store-pg-migrate-differs = The check after the move does not hold for { $table }: { $sqlite } rows in the local register, { $postgres } in PostgreSQL, or different content. The move was undone and nothing was changed in the database; report the fault.
store-pg-migrate-file = The files of the snapshot { $snapshot } ({ $folder }) do not match the register, so the move was undone and nothing was changed in the database. Check the data folder (for example with `ogonblick reindex`) before moving the register. The fault: { $cause }
cli-migrated = The register is moved to PostgreSQL ({ $address }): { $channels } channel(s), { $snapshots } snapshot(s) with { $files } files checked against their checksums, { $audit_entries } audit entries, { $removals } removal records.
cli-migrated-tables = Rows per table, equal in both: { $tables }.
cli-migrated-next = Open the shared register with the same address in `--database` (or `OGONBLICK_DATABASE`, or Settings → Shared register) and the same data folder, { $path }. The local register in the folder is unchanged and can be kept as a backup.
# h-pgroles (issue 15)
role-pg-grant-refused = The roles of { $login } were not changed: the PostgreSQL role { $user } may not change the register's roles ({ $detail }). Whoever changes roles must be an administrator in PostgreSQL too (ogonblick role set { $user } --role administrator, by the schema owner), and the schema owner must have CREATEROLE.
store-pg-no-role = The PostgreSQL role { $user } has no role in the shared register and may not read it. Ask an administrator to give you a role (ogonblick role set { $user } --role …), or connect as the person you are.
store-pg-upgrade-owner = The shared register has schema version { $current } and this version of Ögonblick needs { $known }. Only the schema's owner may upgrade it, not the PostgreSQL role { $user }: have the IT department start Ögonblick (or run ogonblick role list) once as the owner, then try again.
store-pg-create-owner = The PostgreSQL role { $user } may not create the shared register in this database. Whoever connects first to a new database must be the database's owner and have CREATEROLE (ALTER ROLE { $user } CREATEROLE), because the register creates its group roles; see README, the section on the shared register.
# h-pgsec (issue 15)
store-pg-group-taken = The shared register cannot be created in the database { $database }: the PostgreSQL role { $role } already exists and is not this register's group role (it belongs to another database of a similar name, or is a role of its own). Give the register a database of another name. Nothing was changed.
store-moved-to-postgres = The register of the data folder { $path } has moved to PostgreSQL ({ $database }), as the file { $marker } says. Open the shared register at that address: --database or OGONBLICK_DATABASE, or Settings → Shared register. The local register in the folder is no longer opened, so that it is not written beside the shared one.
store-pg-migrate-busy = The register of the data folder { $path } cannot be moved now: another process is working with it ({ $what }). Wait until it is done, close Ögonblick on this computer and try again. Nothing was changed.
store-channels-changed-since = Nothing was changed: { $channels } changed elsewhere after the list was read. Read the list again, see what changed and make the change again.
# Lead (issue 15): the machine's clock against the shared register's server
store-pg-clock-skew = This computer's clock reads { $local } but the shared register's database server ({ $address }) reads { $server }: they differ by { $seconds } seconds, and at most { $limit } seconds are allowed. The times of snapshots, of the log and of the channels' capture claims would be wrong. Ask IT to set whichever clock is wrong, the computer's or the server's (automatic time, NTP), then start again. Nothing was changed.
# Lead (issue 15): a disposal run's lock lost
dispose-lock-lost = The disposal run's lock in the shared register was let go of: the connection to the database broke.
dispose-stopped = The disposal was stopped because the connection to the shared register broke and the run's lock was let go of, so another disposal could have begun. { $done ->
        [0] No document had been disposed of.
        [one] 1 document was disposed of before it stopped; it is in the disposal log (run { $run }).
       *[other] { $done } documents were disposed of before it stopped; they are in the disposal log (run { $run }).
    } Nothing else was changed. Check the connection and start the disposal again: it goes on with what remains.
# Lead (issue 15): a channel claimed by another machine
channel-busy-on = channel { $id } is being captured from the computer { $host } right now: try again when it has finished
# h-pgrev (issue 15's review)
store-channels-revisions-count = Nothing was changed: the list did not send one revision for each chosen channel. Read the list again and make the change again.
store-channel-changed-by-login = channel { $id } ({ $name }) was changed by the PostgreSQL login { $login } (in the name of { $by }) at { $at } after you opened it; nothing of your change was saved: reload the channel and make your change again
store-pg-migrate-open = The register of the data folder { $path } cannot be moved now: Ögonblick has it open in another process, on this computer or another. Close Ögonblick on the other computers first and try again. Nothing was changed.
store-reindex-open = The register of the data folder { $path } cannot be rebuilt now: Ögonblick has it open in another process, on this computer or another, which would go on writing to the old register. Close the other Ögonblick programs (the desktop app and other commands) and try again. Nothing was changed.
store-open-busy = The register of the data folder { $path } could not be opened: another Ögonblick program is moving it to PostgreSQL or rebuilding it, and it did not finish within { $minutes ->
        [one] a minute
       *[other] { $minutes } minutes
    }. Wait until it is done (or end that program) and try again. Nothing was changed.
