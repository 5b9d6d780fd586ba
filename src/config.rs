//! The user's settings (DESIGN.md section 5). Every field is optional; no file is fine.
//!
//! Owns: the settings as a plain value; `storage::config` reads and writes the file. May use:
//! nothing else in the crate.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// The config file in the user's config folder.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// A persoon id: who signs notes and decisions, whose cards "mine" means.
    pub gebruiker: Option<String>,
    /// The default werkmap, e.g. a network share.
    pub werkmap: Option<PathBuf>,
    /// `standaard` or `hoog-contrast`.
    pub thema: Option<String>,
    /// Mouse on (default) or off; off lets the terminal select text normally.
    pub muis: Option<bool>,
    /// Show people's load on the shared stand-up screen (default on).
    pub standup_belasting: Option<bool>,
    /// Finished cards are hidden on the board and in the stand-up after this many weeks in
    /// the klaar column (default 4).
    pub archief_na_weken: Option<u32>,
    /// Show what changed since the last stand-up when a stand-up starts (default on).
    pub standup_veranderd: Option<bool>,
    /// How many seconds the stand-up shows what changed before the board (default 8).
    pub standup_veranderd_seconden: Option<u32>,
    /// Where this config is read from (whether or not the file exists), so a view that asks
    /// the user to set something can name the file. Not a setting: never read from the file
    /// nor written to it.
    #[serde(skip)]
    pub bestand: Option<PathBuf>,
}

impl Config {
    /// The weeks after which a finished card goes to the archive.
    pub fn archief_na_weken(&self) -> u32 {
        self.archief_na_weken.unwrap_or(4)
    }

    /// How long a stand-up opens with what changed, in seconds; 0 when switched off.
    pub fn standup_veranderd_seconden(&self) -> u32 {
        if self.standup_veranderd == Some(false) {
            0
        } else {
            self.standup_veranderd_seconden.unwrap_or(8)
        }
    }

    /// Whether the mouse is captured.
    pub fn muis(&self) -> bool {
        self.muis.unwrap_or(true)
    }
}
