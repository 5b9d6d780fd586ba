//! planbord: kanban-style planborden with capacity conflicts, stored as shared RON files.
//!
//! Layers, lowest first; a module may use only those below it (`tests/layers.rs` checks every
//! `crate::` path in `src/` against this list and names the file and line that breaks it):
//!
//! ```text
//! cli, tui          the shells: terminal, clock, signals, file watching, printing
//!   ui, rapport     drawing the app's state; the PMO report (Markdown, HTML)
//!     app           state + update(Action) -> effects; no I/O, no clock, no terminal
//!       wording     the Dutch sentences: the core returns facts, this words them
//!         demo      the demo werkmap generator (pure, tuned with the capacity engine)
//!         import    people from an HR export into the organisation (pure)
//!         storage   files: reading with positioned errors, atomic saves under a lock
//!         capacity  the capacity rules and conflicts (pure)
//!         domain    the file format's types, edits as operations, merges, sync (pure)
//!         config    the user's settings (a plain struct; storage reads it)
//! ```
//!
//! - [`domain`]: the types of the file format; edits as operations on ids, the three-way and
//!   conflict-copy merges, and the replica that confirms writes and repairs lost ones.
//! - [`capacity`]: availability, planned load and the conflict rules of DESIGN.md section 3.
//! - [`storage`]: reading (looked at before read, positioned errors as facts), atomic
//!   canonical saves under an OS lock, kept versions, the config file.
//! - [`wording`]: every Dutch sentence, for the screens, the command line and the report.
//! - [`app`]: a [`app::Session`] shared by the views plus one state module per view; [`ui`]
//!   draws it.
//! - [`tui`]: the terminal shell with its disk worker; [`cli`]: the headless commands;
//!   `main.rs` only wires them.

pub mod app;
pub mod capacity;
pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod import;
pub mod rapport;
pub mod storage;
pub mod tui;
pub mod ui;
pub mod wording;
