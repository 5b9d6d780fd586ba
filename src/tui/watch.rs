//! Watching the werkmap folder: the native watcher for local disks and, at the same time, a
//! polling watcher every second, because on network shares (SMB/CIFS) the native watcher reports
//! no error but also no remote changes.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::{Config, EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};

use super::Wake;

/// How often the polling watcher looks.
pub const POLL: Duration = Duration::from_secs(1);

/// Starts both watchers; keep the returned value alive to keep watching.
pub fn start(root: &Path, tx: Sender<Wake>) -> Vec<Box<dyn Watcher>> {
    let mut out: Vec<Box<dyn Watcher>> = Vec::new();
    let handler = |tx: Sender<Wake>| {
        move |res: notify::Result<notify::Event>| {
            // Reading a file (ours, or the polling watcher's) is not a change: only
            // creations, modifications and removals count, or reads would wake us forever.
            if let Ok(ev) = res
                && !matches!(ev.kind, EventKind::Access(_) | EventKind::Other)
            {
                let paths: Vec<PathBuf> = ev.paths;
                if !paths.is_empty() {
                    let _ = tx.send(Wake::Files(paths));
                }
            }
        }
    };
    if let Ok(mut w) = RecommendedWatcher::new(handler(tx.clone()), Config::default())
        && w.watch(root, RecursiveMode::NonRecursive).is_ok()
    {
        out.push(Box::new(w));
    }
    // Modification times, not contents: hashing every file every second would read the whole
    // werkmap over the network each second on every laptop. A change we are told about is
    // still compared by content hash before anything reloads.
    let poll_config = Config::default().with_poll_interval(POLL);
    if let Ok(mut w) = PollWatcher::new(handler(tx), poll_config)
        && w.watch(root, RecursiveMode::NonRecursive).is_ok()
    {
        out.push(Box::new(w));
    }
    out
}
