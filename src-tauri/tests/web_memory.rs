//! The web process's memory pressure settings reach a web context made as
//! Tauri makes the window's (`webkit::pressure`): against this machine's
//! WebKitGTK, on an X display of its own when none is given.
#![cfg(all(target_os = "linux", target_env = "gnu"))]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use ogonblick_desktop_lib::webkit::pressure::{contexts_given, watch_web_memory, WEB_MEMORY_ENV};
use webkit2gtk::ffi;
use webkit2gtk::glib::gobject_ffi as gobject;

#[link(name = "gtk-3")]
extern "C" {
    fn gtk_init_check(argc: *mut i32, argv: *mut *mut *mut std::ffi::c_char) -> i32;
}

/// An Xvfb of its own, killed when dropped; `DISPLAY` set to it.
struct Display(Option<Child>);

impl Drop for Display {
    fn drop(&mut self) {
        if let Some(child) = &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// GTK on the given display, else on an Xvfb of its own.
fn display() -> Display {
    // SAFETY: GTK's own check, on the test's thread, which GTK then keeps.
    if std::env::var_os("DISPLAY").is_some()
        && unsafe { gtk_init_check(std::ptr::null_mut(), std::ptr::null_mut()) } == 1
    {
        return Display(None);
    }
    let mut child = Command::new("Xvfb")
        .args([
            "-displayfd",
            "1",
            "-nolisten",
            "tcp",
            "-screen",
            "0",
            "640x480x24",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb runs (apt-get install xvfb; scripts/test.sh installs it)");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let number = line.trim();
    assert!(!number.is_empty(), "Xvfb said which display it took");
    // The only test of this binary: no other test reads the environment.
    std::env::set_var("DISPLAY", format!(":{number}"));
    // SAFETY: as above.
    let opened = unsafe { gtk_init_check(std::ptr::null_mut(), std::ptr::null_mut()) };
    assert_eq!(opened, 1, "GTK opened the display of Xvfb");
    Display(Some(child))
}

#[test]
fn a_web_context_made_after_the_start_is_given_the_settings() {
    let _display = display();
    std::env::remove_var(WEB_MEMORY_ENV);
    // SAFETY: on the thread GTK was started on; a web context made and
    // released again, its data manager only borrowed.
    unsafe {
        watch_web_memory();
        let before = contexts_given();
        let context = ffi::webkit_web_context_new();
        assert!(!context.is_null());
        assert_eq!(
            contexts_given(),
            before + 1,
            "the settings were set on the context"
        );
        // WebKit's own construction ran after them: the context is whole.
        assert!(!ffi::webkit_web_context_get_website_data_manager(context).is_null());
        gobject::g_object_unref(context as *mut gobject::GObject);
    }
}
