//! A lock per file: the operating system's lock on `.planbord/locks/<name>.lock` (honoured by
//! SMB servers for Windows clients and by local disks), held only around read–write of a save.
//! Its content says who holds it (host, pid, time), for people looking. A lock held elsewhere
//! is waited for up to a short lease and then ignored: nothing relies on the lock (sync folders
//! and some shares honour none); it only makes collisions rare. It is never judged by looking
//! a pid up in the local process table, which says nothing about another machine.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a save waits for another writer's lock before going on without it.
pub const LEASE: Duration = Duration::from_secs(5);

/// A held lock; released when dropped (the file stays, so no two writers ever lock two
/// different files of the same name).
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// The `.planbord` folder of the werkmap that holds `file`.
pub fn planbord_dir(file: &Path) -> PathBuf {
    file.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join(".planbord")
}

/// This machine's name, for lock files and history.
pub fn host_name() -> String {
    #[cfg(target_os = "linux")]
    if let Ok(h) = fs::read_to_string("/proc/sys/kernel/hostname") {
        let h = h.trim();
        if !h.is_empty() {
            return h.to_string();
        }
    }
    ["COMPUTERNAME", "HOSTNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "onbekend".into())
}

/// The lock file of `file`.
pub fn lock_path(file: &Path) -> PathBuf {
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("bestand");
    planbord_dir(file)
        .join("locks")
        .join(format!("{name}.lock"))
}

impl Lock {
    /// Takes the lock of `file`, waiting up to `lease` for another holder. `Ok(None)` when the
    /// lease ran out: the caller goes on without the lock.
    pub fn acquire(file: &Path, lease: Duration, now: &str) -> io::Result<Option<Lock>> {
        let path = lock_path(file);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        let start = Instant::now();
        loop {
            let mut f = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)?;
            match f.try_lock() {
                Ok(()) => {
                    // Who holds it, for a person looking; never read by planbord itself.
                    let _ = f.set_len(0);
                    let _ = f.rewind();
                    let _ = writeln!(f, "{} {} {now}", host_name(), std::process::id());
                    return Ok(Some(Lock { _file: f }));
                }
                Err(TryLockError::WouldBlock) => {
                    if start.elapsed() >= lease {
                        return Ok(None);
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                // A file system without locks: go on without, as on an expired lease.
                Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                    return Ok(None);
                }
                Err(TryLockError::Error(e)) => return Err(e),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_lock_is_waited_for_then_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("b.ron");
        let held = Lock::acquire(&file, LEASE, "t").unwrap();
        assert!(held.is_some());
        let start = Instant::now();
        let second = Lock::acquire(&file, Duration::from_millis(100), "t").unwrap();
        assert!(second.is_none());
        assert!(start.elapsed() >= Duration::from_millis(100));
        drop(held);
        assert!(Lock::acquire(&file, LEASE, "t").unwrap().is_some());
        let who = fs::read_to_string(lock_path(&file)).unwrap();
        assert!(who.contains(&std::process::id().to_string()), "{who}");
    }
}
