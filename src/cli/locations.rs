//! Where the werkmap is, for every command alike (DESIGN.md section 4):
//!
//! 1. the argument, or `--werkmap`;
//! 2. else the current folder, when it holds `organisatie.ron`;
//! 3. else the config's `werkmap`;
//! 4. else `./boards`;
//! 5. else the werkmap in the user's data folder, when it holds one.
//!
//! A werkmap named in 1 or 3 that does not exist is an error naming the path and where it came
//! from, never a reason to look further. Only the TUI, when none of these gives a werkmap,
//! creates the demo in the data folder, and only when that folder is absent or holds nothing.
//! No other command ever creates anything here.

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::config::Config;
use crate::storage::load::ORGANISATIE;
use crate::wording;
/// Where a werkmap came from, as the messages name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bron {
    /// The command's argument.
    Argument,
    /// The `--werkmap` option.
    Optie,
    /// The current folder holds `organisatie.ron`.
    HuidigeMap,
    /// The `werkmap` of the config file at this path.
    Config(PathBuf),
    /// `./boards`.
    Boards,
    /// The werkmap in the user's data folder.
    Gebruikersmap,
}

impl fmt::Display for Bron {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Bron::Argument => f.write_str(wording::BRON_ARGUMENT),
            Bron::Optie => f.write_str(wording::BRON_OPTIE),
            Bron::HuidigeMap => f.write_str(wording::BRON_HUIDIGE_MAP),
            Bron::Config(pad) => f.write_str(&wording::bron_config(pad)),
            Bron::Boards => f.write_str(wording::BRON_BOARDS),
            Bron::Gebruikersmap => f.write_str(wording::BRON_GEBRUIKERSMAP),
        }
    }
}

/// The werkmap a command works on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gevonden {
    pub pad: PathBuf,
    pub bron: Bron,
    /// The demo was just written there (the TUI's first start).
    pub aangemaakt: bool,
}

/// What the user named on the command line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Genoemd<'a> {
    pub argument: Option<&'a Path>,
    pub optie: Option<&'a Path>,
}

/// The config as [`crate::storage::config::load`] gives it, with the file's path.
pub struct Instellingen<'a> {
    pub config: &'a Config,
    /// Why the config file could not be read, when it could not.
    pub fout: Option<&'a str>,
    pub pad: Option<PathBuf>,
}

/// Files that do not make a folder hold something (DESIGN.md section 4).
pub const NIETS: [&str; 4] = [".git", "desktop.ini", ".DS_Store", "Thumbs.db"];

/// Whether a folder is absent or holds nothing but the files of [`NIETS`].
pub fn houdt_niets(dir: &Path) -> std::io::Result<bool> {
    match std::fs::read_dir(dir) {
        Ok(entries) => {
            for e in entries {
                let name = e?.file_name();
                if !NIETS.iter().any(|n| name == *n) {
                    return Ok(false);
                }
            }
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(true),
        Err(e) => Err(e),
    }
}

/// A named path must exist; it is never replaced by another werkmap.
fn bestaat(pad: &Path, bron: Bron) -> Result<Gevonden, String> {
    match std::fs::metadata(pad) {
        Ok(_) => Ok(Gevonden {
            pad: pad.to_path_buf(),
            bron,
            aangemaakt: false,
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(wording::werkmap_bestaat_niet(
            pad,
            &bron.to_string(),
            matches!(bron, Bron::Config(_)),
        )),
        Err(e) => Err(wording::werkmap_niet_te_openen(pad, &bron.to_string(), &e)),
    }
}

/// The user's werkmap in the data folder (`~/.local/share/planbord/werkmap` on Linux).
pub fn gebruikersmap() -> Option<PathBuf> {
    directories::ProjectDirs::from("nl", "planbord", "planbord")
        .map(|d| d.data_dir().join("werkmap"))
}

/// Finds the werkmap. `demo_voor` is given only by the TUI: then, when nothing gives a
/// werkmap, the demo around that date is written into the data folder (if it holds nothing).
pub fn zoek(
    genoemd: Genoemd<'_>,
    inst: &Instellingen<'_>,
    demo_voor: Option<NaiveDate>,
) -> Result<Gevonden, String> {
    if let Some(p) = genoemd.argument {
        return bestaat(p, Bron::Argument);
    }
    if let Some(p) = genoemd.optie {
        return bestaat(p, Bron::Optie);
    }
    if Path::new(ORGANISATIE).exists() {
        return Ok(Gevonden {
            pad: PathBuf::from("."),
            bron: Bron::HuidigeMap,
            aangemaakt: false,
        });
    }
    if let Some(fout) = inst.fout {
        // The config may name a werkmap we cannot see: looking further would be a fallback.
        return Err(wording::config_onleesbaar(fout));
    }
    if let Some(p) = &inst.config.werkmap {
        let bron = Bron::Config(inst.pad.clone().unwrap_or_default());
        return bestaat(p, bron);
    }
    let boards = Path::new("boards");
    if boards.is_dir() {
        return Ok(Gevonden {
            pad: boards.to_path_buf(),
            bron: Bron::Boards,
            aangemaakt: false,
        });
    }
    let map = gebruikersmap().ok_or_else(wording::geen_gebruikersmap)?;
    if map.join(ORGANISATIE).exists() {
        return Ok(Gevonden {
            pad: map,
            bron: Bron::Gebruikersmap,
            aangemaakt: false,
        });
    }
    let Some(vandaag) = demo_voor else {
        return Err(wording::geen_werkmap(inst.pad.as_deref()));
    };
    match houdt_niets(&map) {
        Ok(true) => {}
        Ok(false) => return Err(wording::gebruikersmap_niet_leeg(&map)),
        Err(e) => {
            return Err(wording::werkmap_niet_te_openen(
                &map,
                wording::BRON_GEBRUIKERSMAP,
                &e,
            ));
        }
    }
    let demo = crate::demo::generate(vandaag, 1);
    crate::storage::save::write_werkmap(&map, &demo)
        .map_err(|e| crate::wording::opslaan_fout(&e))?;
    Ok(Gevonden {
        pad: map,
        bron: Bron::Gebruikersmap,
        aangemaakt: true,
    })
}
