#!/usr/bin/env python3
"""The floor of any WebKitGTK desktop app: a bare GTK window with one
WebKit2GTK 4.1 web view (the engine Tauri uses on Linux) showing a small
page, nothing else. Prints nothing; the caller measures its PSS."""
import sys
import gi
gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import Gtk, WebKit2  # noqa: E402

page = sys.argv[1] if len(sys.argv) > 1 else "<!doctype html><html lang=sv><body><h1>Att göra</h1></body></html>"
win = Gtk.Window(title="floor")
win.set_default_size(1280, 800)
view = WebKit2.WebView()
view.load_uri(page) if page.startswith("file:") else view.load_html(page, "about:blank")
win.add(view)
win.connect("destroy", Gtk.main_quit)
win.show_all()
Gtk.main()
