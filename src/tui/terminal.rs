//! Whether the terminal is still there. crossterm's reader loops forever on a terminal that
//! was hung up (closed with SIGHUP ignored: every read returns nothing), so the shell looks
//! for itself before reading, and now and then while idle.

use std::time::Duration;

/// What waiting for input found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Something to read.
    Ready,
    /// Nothing within the wait.
    Quiet,
    /// The terminal is gone (hung up, closed).
    Gone,
}

/// Waits up to `wait` for input on the terminal (standard input).
#[cfg(unix)]
pub fn wait(wait: Duration) -> Input {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let stdin = std::io::stdin();
    let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
    let timeout = Timespec::try_from(wait).ok();
    match poll(&mut fds, timeout.as_ref()) {
        Err(rustix::io::Errno::INTR) => Input::Quiet,
        Err(_) => Input::Gone,
        Ok(0) => Input::Quiet,
        Ok(_) => {
            let r = fds[0].revents();
            if r.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
                Input::Gone
            } else {
                Input::Ready
            }
        }
    }
}

/// Elsewhere crossterm's own poll.
#[cfg(not(unix))]
pub fn wait(wait: Duration) -> Input {
    match ratatui::crossterm::event::poll(wait) {
        Ok(true) => Input::Ready,
        Ok(false) => Input::Quiet,
        Err(_) => Input::Gone,
    }
}

/// Whether the terminal the screen is drawn on is gone.
#[cfg(unix)]
pub fn gone() -> bool {
    rustix::termios::tcgetwinsize(std::io::stdout()).is_err()
}

#[cfg(not(unix))]
pub fn gone() -> bool {
    false
}
