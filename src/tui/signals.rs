//! SIGTERM, SIGHUP and SIGINT end the program the way `q` does: edits saved where possible,
//! the rest kept outside the werkmap, the terminal restored. (In raw mode Ctrl-c is a key,
//! not a signal; SIGINT only comes from `kill`.) SIGWINCH redraws at the new size at once:
//! the input reader only wakes for input.

use std::sync::mpsc::Sender;

use super::Wake;

/// Starts forwarding the signals to the loop; keep the returned value alive.
#[cfg(unix)]
pub fn start(tx: Sender<Wake>) -> Option<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGWINCH]).ok()?;
    let handle = signals.handle();
    std::thread::spawn(move || {
        for signal in signals.forever() {
            let wake = if signal == SIGWINCH {
                Wake::Resized
            } else {
                Wake::Signal
            };
            if tx.send(wake).is_err() {
                break;
            }
        }
    });
    Some(handle)
}

/// Elsewhere the console's own handling applies (Ctrl-c is a key in raw mode).
#[cfg(not(unix))]
pub fn start(_tx: Sender<Wake>) -> Option<()> {
    None
}
