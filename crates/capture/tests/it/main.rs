//! Integration tests of the capture engine against the fixture site with the
//! real Chromium (/usr/bin/chromium or $OGONBLICK_CHROMIUM).

mod bad_input;
mod bands;
mod channels;
mod common;
mod document;
mod expand;
mod hostile;
mod large_bodies;
mod lazy;
mod profile;
mod tall;
mod virtual_feed;
