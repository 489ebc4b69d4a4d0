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
due-overdue = Overdue: no complete snapshot in the window '{ $window }' ({ $span }) or since{ $missed ->
        [one] { "" }
       *[other] { " (" }{ $missed } windows missed)
    }{ $major_change_ignored ->
        [true] ; a major-change snapshot does not count for the regular schedule
       *[false] { "" }
    }.{ $in_blackout ->
        [true] { " " }Take it after the blackout, or by hand.
       *[false] { "" }
    }
due-now = Due: take a snapshot in the window '{ $window }' by { $by }.
due-covered = A snapshot exists for the window '{ $window }'; { $next }.
due-nothing = Nothing to do now; { $next }.
schedule-next-window = the next window ('{ $window }') opens on { $opens }
schedule-no-next-window = no window is coming

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

## h-warc: the web archive (WARC/WACZ) of a snapshot
web-archive-not-written = The web archive (WACZ) could not be written in { $path }: { $error }. Make sure there is room on the disk and take the snapshot again.
web-archive-title = Web archive (WACZ)
web-archive-setting-on = A web archive (WACZ) is kept with every snapshot.
web-archive-setting-off = No web archive (WACZ) is kept with the snapshots.
