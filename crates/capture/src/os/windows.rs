//! Windows: the DevTools pipe as two inherited handles named on Chromium's
//! command line, and a Job Object holding Chromium and every process it
//! starts. Chromium is created suspended and put into the job before its
//! first instruction runs, so nothing it starts can escape the job.

use std::io::{PipeReader, PipeWriter};
use std::os::windows::io::{AsRawHandle, FromRawHandle, OwnedHandle, RawHandle};
use std::os::windows::process::CommandExt;
use std::process::{Child, Command};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use windows_sys::Win32::Foundation::{
    CloseHandle, GetLastError, SetHandleInformation, ERROR_INVALID_PARAMETER, HANDLE,
    HANDLE_FLAG_INHERIT, INVALID_HANDLE_VALUE, STILL_ACTIVE,
};
use windows_sys::Win32::System::Diagnostics::ToolHelp::{
    CreateToolhelp32Snapshot, Thread32First, Thread32Next, TH32CS_SNAPTHREAD, THREADENTRY32,
};
use windows_sys::Win32::System::JobObjects::{
    AssignProcessToJobObject, CreateJobObjectW, JobObjectBasicAccountingInformation,
    JobObjectExtendedLimitInformation, QueryInformationJobObject, SetInformationJobObject,
    TerminateJobObject, JOBOBJECT_BASIC_ACCOUNTING_INFORMATION,
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION, JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE,
};
use windows_sys::Win32::System::Threading::{
    GetExitCodeProcess, OpenProcess, OpenThread, ResumeThread, CREATE_NEW_PROCESS_GROUP,
    CREATE_SUSPENDED, PROCESS_QUERY_LIMITED_INFORMATION, THREAD_SUSPEND_RESUME,
};

/// Held while the child's pipe ends are inheritable, so that a browser
/// launched at the same time on another thread does not inherit (and keep
/// open) this one's pipe.
static SPAWN: Mutex<()> = Mutex::new(());

/// The Job Object that Chromium and all its processes run in; closing its
/// last handle kills them all (`JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE`).
pub(crate) struct ProcessTree {
    job: OwnedHandle,
}

fn check(ok: i32) -> std::io::Result<()> {
    if ok == 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(())
    }
}

fn set_inheritable(h: RawHandle, inherit: bool) -> std::io::Result<()> {
    let flags = if inherit { HANDLE_FLAG_INHERIT } else { 0 };
    // SAFETY: h is a handle this process owns for the duration of the call.
    check(unsafe { SetHandleInformation(h as HANDLE, HANDLE_FLAG_INHERIT, flags) })
}

fn new_job() -> std::io::Result<OwnedHandle> {
    // SAFETY: no security attributes, no name; the handle is owned below.
    let raw = unsafe { CreateJobObjectW(std::ptr::null(), std::ptr::null()) };
    if raw.is_null() {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: raw is a fresh handle owned by nothing else.
    let job = unsafe { OwnedHandle::from_raw_handle(raw as RawHandle) };
    // SAFETY: all-zero is a valid JOBOBJECT_EXTENDED_LIMIT_INFORMATION.
    let mut info: JOBOBJECT_EXTENDED_LIMIT_INFORMATION = unsafe { std::mem::zeroed() };
    info.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
    // SAFETY: info lives across the call and its size is given.
    check(unsafe {
        SetInformationJobObject(
            job.as_raw_handle() as HANDLE,
            JobObjectExtendedLimitInformation,
            (&raw const info).cast(),
            std::mem::size_of::<JOBOBJECT_EXTENDED_LIMIT_INFORMATION>() as u32,
        )
    })?;
    Ok(job)
}

/// Resumes every thread of process `pid`: one created suspended has only its
/// main thread. Fails when there is none to resume.
fn resume_threads(pid: u32) -> std::io::Result<()> {
    // SAFETY: a snapshot of all threads; the handle is owned below.
    let raw = unsafe { CreateToolhelp32Snapshot(TH32CS_SNAPTHREAD, 0) };
    if raw == INVALID_HANDLE_VALUE {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: raw is a fresh handle owned by nothing else.
    let snapshot = unsafe { OwnedHandle::from_raw_handle(raw as RawHandle) };
    let snap = snapshot.as_raw_handle() as HANDLE;
    // SAFETY: all-zero is a valid THREADENTRY32; its size is set before use.
    let mut entry: THREADENTRY32 = unsafe { std::mem::zeroed() };
    entry.dwSize = std::mem::size_of::<THREADENTRY32>() as u32;
    let mut resumed = 0;
    // SAFETY: snap is open; entry lives across the calls and has its size.
    let mut more = unsafe { Thread32First(snap, &mut entry) } != 0;
    while more {
        if entry.th32OwnerProcessID == pid {
            // SAFETY: a handle we own below, or null.
            let t = unsafe { OpenThread(THREAD_SUSPEND_RESUME, 0, entry.th32ThreadID) };
            if t.is_null() {
                return Err(std::io::Error::last_os_error());
            }
            // SAFETY: t is a fresh handle owned by nothing else.
            let thread = unsafe { OwnedHandle::from_raw_handle(t as RawHandle) };
            // SAFETY: thread is open.
            if unsafe { ResumeThread(thread.as_raw_handle() as HANDLE) } == u32::MAX {
                return Err(std::io::Error::last_os_error());
            }
            resumed += 1;
        }
        // SAFETY: as for Thread32First.
        more = unsafe { Thread32Next(snap, &mut entry) } != 0;
    }
    if resumed == 0 {
        return Err(std::io::Error::other(format!(
            "process {pid} has no thread to resume"
        )));
    }
    Ok(())
}

/// Starts `cmd` in a new process group and a new Job Object, with the
/// DevTools pipe's child ends inherited and named by
/// `--remote-debugging-io-pipes=<read>,<write>` (inherited handles keep their
/// values in the child); returns the child, its job, and this side's ends
/// (read replies, write commands).
pub(crate) fn spawn_with_pipe(
    cmd: &mut Command,
) -> std::io::Result<(Child, ProcessTree, PipeReader, PipeWriter)> {
    let (to_chrome_r, to_chrome_w) = std::io::pipe()?;
    let (from_chrome_r, from_chrome_w) = std::io::pipe()?;
    let job = new_job()?;
    cmd.arg(format!(
        "--remote-debugging-io-pipes={},{}",
        to_chrome_r.as_raw_handle() as usize,
        from_chrome_w.as_raw_handle() as usize
    ))
    .creation_flags(CREATE_NEW_PROCESS_GROUP | CREATE_SUSPENDED);
    let mut child = {
        let _one_at_a_time = SPAWN.lock().unwrap_or_else(|p| p.into_inner());
        set_inheritable(to_chrome_r.as_raw_handle(), true)?;
        set_inheritable(from_chrome_w.as_raw_handle(), true)?;
        let spawned = cmd.spawn();
        // This side's copies of the child's ends close here: the pipe then
        // ends when Chromium exits.
        drop(to_chrome_r);
        drop(from_chrome_w);
        spawned?
    };
    // Chromium is suspended: it joins the job before it runs, so every process
    // it starts belongs to the job too; then it is let go.
    // SAFETY: both handles are open and owned by this process.
    let assigned = check(unsafe {
        AssignProcessToJobObject(
            job.as_raw_handle() as HANDLE,
            child.as_raw_handle() as HANDLE,
        )
    })
    .and_then(|()| resume_threads(child.id()));
    if let Err(e) = assigned {
        let _ = child.kill();
        let _ = child.wait();
        return Err(e);
    }
    Ok((child, ProcessTree { job }, from_chrome_r, to_chrome_w))
}

impl ProcessTree {
    /// Terminates every process of the job, reaps `child`, and waits (at
    /// most 5 s) until the job is empty, so that their files (the temporary
    /// profile) are no longer open and can be removed.
    pub(crate) fn kill(&self, child: &mut Child) {
        let job = self.job.as_raw_handle() as HANDLE;
        // SAFETY: job is an open job handle.
        unsafe {
            TerminateJobObject(job, 1);
        }
        let _ = child.kill();
        let _ = child.wait();
        let end = Instant::now() + Duration::from_secs(5);
        loop {
            // SAFETY: all-zero is a valid JOBOBJECT_BASIC_ACCOUNTING_INFORMATION.
            let mut info: JOBOBJECT_BASIC_ACCOUNTING_INFORMATION = unsafe { std::mem::zeroed() };
            // SAFETY: info lives across the call and its size is given.
            let ok = unsafe {
                QueryInformationJobObject(
                    job,
                    JobObjectBasicAccountingInformation,
                    (&raw mut info).cast(),
                    std::mem::size_of::<JOBOBJECT_BASIC_ACCOUNTING_INFORMATION>() as u32,
                    std::ptr::null_mut(),
                )
            };
            if ok == 0 || info.ActiveProcesses == 0 || Instant::now() >= end {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Chromium's sandbox runs as any user on Windows.
pub(crate) fn is_superuser() -> bool {
    false
}

/// Whether no process `pid` exists any more.
pub fn process_gone(pid: u32) -> bool {
    // SAFETY: OpenProcess returns a handle we close below, or null.
    let h = unsafe { OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid) };
    if h.is_null() {
        // Access denied means it exists (another user's).
        // SAFETY: reads this thread's last error.
        return unsafe { GetLastError() } == ERROR_INVALID_PARAMETER;
    }
    let mut code = 0u32;
    // SAFETY: h is open; code lives across the call.
    let ok = unsafe { GetExitCodeProcess(h, &mut code) };
    // SAFETY: h is open and closed once.
    unsafe {
        CloseHandle(h);
    }
    ok != 0 && code != STILL_ACTIVE as u32
}
