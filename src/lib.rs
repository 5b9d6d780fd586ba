//! planbord: kanban-style planborden with capacity conflicts, stored as shared RON files.
//!
//! Layers (an arrow means "may use"); each can be read and tested alone:
//!
//! ```text
//! domain  <-  capacity  <-  storage
//!    ^           ^            ^
//!    +-----------+---- cli ---+      cli: the only place that does I/O and reads the clock
//! ```
//!
//! - [`domain`]: the types of the file format, pure.
//! - [`capacity`]: the capacity rules and conflicts, pure functions of the werkmap.
//! - [`storage`]: reading (with positioned Dutch errors) and atomic canonical writing.
//! - [`cli`]: the headless commands.
//! - [`text`]: every Dutch sentence the user sees.

pub mod app;
pub mod capacity;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod rapport;
pub mod storage;
pub mod text;
pub mod tui;
pub mod ui;
