//! planbord: kanban-style planborden with capacity conflicts, stored as shared RON files.
//!
//! Layers (an arrow means "may use"); each can be read and tested alone:
//!
//! ```text
//! domain (types, operations, merge, sync)  <-  capacity, storage
//!        ^                                        ^
//!        +----------------- app ------------------+   state + update(Action) -> effects
//!                            ^
//!                   ui (draws &App), rapport
//!                            ^
//!                   tui, cli: the shells, the only places that do I/O and read the clock
//! ```
//!
//! - [`domain`]: the types of the file format; edits as operations on ids, the three-way and
//!   conflict-copy merges, and the replica that confirms writes and repairs lost ones. Pure.
//! - [`capacity`]: the capacity rules and conflicts, pure functions of the werkmap.
//! - [`storage`]: reading (looked at before read, positioned Dutch errors), atomic canonical
//!   saves under an OS lock, kept versions.
//! - [`app`]: the application state and `update`, without I/O; [`ui`] draws it.
//! - [`tui`]: the terminal shell with its disk worker; [`cli`]: the headless commands.
//! - [`wording`]: the Dutch sentences the user sees (still used by the core in places; issue 9
//!   moves the wording above it).

pub mod app;
pub mod capacity;
pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod rapport;
pub mod storage;
pub mod tui;
pub mod ui;
pub mod wording;
