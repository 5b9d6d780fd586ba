//! An advisory lock per file in `.planbord/locks/`, held only around read–merge–rename so it
//! never blocks anyone for long. A lock left by a dead process, or older than a few seconds,
//! is taken over. Network shares do not always honour this: saves read back what they wrote.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// A lock older than this is stale whatever its owner.
pub const STALE: Duration = Duration::from_secs(5);

/// How long to wait for a lock before taking it over anyway.
const WAIT: Duration = Duration::from_secs(6);

/// A held lock; released when dropped.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
}

/// The `.planbord` folder of the werkmap that holds `file`.
pub fn planbord_dir(file: &Path) -> PathBuf {
    file.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join(".planbord")
}

impl Lock {
    /// Takes the lock of `file`, waiting for another writer or taking over a stale lock.
    pub fn acquire(file: &Path) -> io::Result<Lock> {
        let dir = planbord_dir(file).join("locks");
        fs::create_dir_all(&dir)?;
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("bestand");
        let path = dir.join(format!("{name}.lock"));
        let start = Instant::now();
        loop {
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut f) => {
                    let _ = writeln!(f, "{}", std::process::id());
                    return Ok(Lock { path });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    if is_stale(&path) || start.elapsed() > WAIT {
                        let _ = fs::remove_file(&path);
                        continue;
                    }
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(e) => return Err(e),
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// Stale: older than [`STALE`], or (where we can tell) its process is gone.
fn is_stale(path: &Path) -> bool {
    let old = fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|age| age > STALE);
    old || owner_gone(path)
}

#[cfg(target_os = "linux")]
fn owner_gone(path: &Path) -> bool {
    let Ok(text) = fs::read_to_string(path) else {
        return false;
    };
    let Ok(pid) = text.trim().parse::<u32>() else {
        return false;
    };
    pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists()
}

#[cfg(not(target_os = "linux"))]
fn owner_gone(_: &Path) -> bool {
    false
}
