//! Loading a werkmap: every file on its own (in parallel), then the checks across files.
//! One bad file never stops the others; a broken `organisatie.ron` leaves the boards usable.
//!
//! In parts: the files on disk and reading them safely (`files`), parsing a file's text into
//! a value with positioned diagnostics (`parse`), and the scans of the text that parsing
//! needs besides (`prescan`); here, the checks within and across files.

mod files;
pub(crate) mod parse;
mod prescan;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::diagnostic::{Diagnostic, Melding};
pub use super::diagnostic::{ReadRefused, Soort};
use super::format;
use super::hash::ContentHash;
use super::locate::{Locations, Position};
use crate::domain::validate::{self, Finding};
use crate::domain::{Bord, Organisatie, Werkmap};
pub use files::{MAX_BYTES, board_files, clean_stray_temp_files, read_bounded, read_checked};
pub use parse::parse_text;
use parse::read_file;
pub use prescan::{MAX_NESTING, vervallen_velden};

/// The organisation's file name inside a werkmap.
pub const ORGANISATIE: &str = "organisatie.ron";

/// What storage knows of a file it loaded: where it is and what it held.
#[derive(Debug, Clone, PartialEq)]
pub struct FileMeta {
    pub path: PathBuf,
    /// The file name relative to the werkmap, as diagnostics name it.
    pub name: String,
    /// The hash of the bytes as loaded; a save compares the disk against it first.
    pub hash: ContentHash,
    /// When the file was last changed, in local time.
    pub gewijzigd: Option<chrono::NaiveDateTime>,
}

/// A loaded werkmap: the usable content, where it came from, and what was wrong.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The werkmap folder.
    pub root: PathBuf,
    pub werkmap: Werkmap,
    /// The file of `werkmap.organisatie`, when that loaded.
    pub organisatie_file: Option<FileMeta>,
    /// The files of `werkmap.borden`, in the same order.
    pub board_files: Vec<FileMeta>,
    /// Why capacity is switched off, when it is.
    pub capaciteit_uit: Option<CapaciteitUit>,
    pub fouten: Vec<Diagnostic>,
    pub waarschuwingen: Vec<Diagnostic>,
    /// Files that claim the id of a board already loaded (a sync tool's conflict copy): not
    /// used as boards, but kept so the user can merge them in.
    pub kopieen: Vec<(FileMeta, Bord)>,
}

impl Loaded {
    /// The board read from the file with this name.
    pub fn bord_van_bestand(&self, name: &str) -> Option<&Bord> {
        self.board_files
            .iter()
            .position(|f| f.name == name)
            .map(|i| &self.werkmap.borden[i])
    }
}

/// Why capacity is switched off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CapaciteitUit {
    OrganisatieOntbreekt,
    OrganisatieOngeldig,
}

/// One file read and parsed, before the checks across files.
struct Parsed<T> {
    meta: FileMeta,
    text: String,
    value: T,
}

/// What to read for `path` (DESIGN.md section 2): a board file whose folder holds
/// `organisatie.ron` means that werkmap, with the board named by its file name (so the figures
/// are the werkmap's: the people's other opgaven count too). Anything else is read as it is.
pub fn werkmap_van(path: &Path) -> (PathBuf, Option<String>) {
    // `opgave-x.ron` typed in the werkmap itself has an empty parent: the current folder.
    let map = match path.parent() {
        Some(p) if p.as_os_str().is_empty() => Path::new(".").to_path_buf(),
        Some(p) => p.to_path_buf(),
        None => return (path.to_path_buf(), None),
    };
    if path.is_file() && map.join(ORGANISATIE).is_file() {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        (map, name)
    } else {
        (path.to_path_buf(), None)
    }
}

/// Loads a werkmap folder, or one board file with the `organisatie.ron` beside it.
pub fn load(path: &Path) -> Loaded {
    let (root, board_paths, mut fouten) = werkmap_files(path);
    let (org, boards) = read_all(&root, &board_paths);
    let mut waarschuwingen = Vec::new();
    let (organisatie, capaciteit_uit) = check_organisatie(org, &mut fouten, &mut waarschuwingen);
    let refs = organisatie.as_ref().map(|p| validate::Refs::of(&p.value));
    let usable = check_boards(boards, refs.as_ref(), &mut fouten, &mut waarschuwingen);
    let mut kopieen = Vec::new();
    let usable = drop_duplicate_boards(usable, &mut fouten, &mut kopieen);

    let (board_files, borden) = usable.into_iter().map(|p| (p.meta, p.value)).unzip();
    let (organisatie_file, organisatie) = match organisatie {
        Some(p) => (Some(p.meta), Some(p.value)),
        None => (None, None),
    };
    Loaded {
        root,
        werkmap: Werkmap {
            organisatie,
            borden,
        },
        organisatie_file,
        board_files,
        capaciteit_uit,
        fouten,
        waarschuwingen,
        kopieen,
    }
}

/// A file read and parsed, or the diagnostics of why not.
type ReadResult<T> = Result<Parsed<T>, Vec<Diagnostic>>;

/// The werkmap folder of `path` and the board files to read, with the error of a folder that
/// cannot be listed.
fn werkmap_files(path: &Path) -> (PathBuf, Vec<PathBuf>, Vec<Diagnostic>) {
    // Anything that exists and is not a folder is read as one board file (and refused by
    // `read_file` if it is no regular file), never taken for a werkmap.
    let single = fs::metadata(path).is_ok_and(|m| !m.is_dir());
    if single {
        let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
        return (root, vec![path.to_path_buf()], Vec::new());
    }
    match board_files(path) {
        Ok(files) => (path.to_path_buf(), files, Vec::new()),
        Err(e) => (
            path.to_path_buf(),
            Vec::new(),
            vec![Diagnostic {
                bestand: path.display().to_string(),
                regel: 1,
                kolom: 1,
                melding: Melding::WerkmapNietTeLezen((&e).into()),
            }],
        ),
    }
}

/// Reads the organisation (when it is there) and the boards, in parallel.
fn read_all(
    root: &Path,
    board_paths: &[PathBuf],
) -> (Option<ReadResult<Organisatie>>, Vec<ReadResult<Bord>>) {
    let org_path = root.join(ORGANISATIE);
    rayon::join(
        || {
            // Present in any form (a FIFO or a dangling link too): read_file says what is wrong.
            fs::symlink_metadata(&org_path)
                .is_ok()
                .then(|| read_file::<Organisatie>(&org_path, root))
        },
        || {
            board_paths
                .par_iter()
                .map(|p| read_file::<Bord>(p, root))
                .collect::<Vec<_>>()
        },
    )
}

/// Checks the organisation as read: returns it when it is usable, and otherwise why capacity
/// is switched off.
fn check_organisatie(
    org: Option<ReadResult<Organisatie>>,
    fouten: &mut Vec<Diagnostic>,
    waarschuwingen: &mut Vec<Diagnostic>,
) -> (Option<Parsed<Organisatie>>, Option<CapaciteitUit>) {
    match org {
        None => (None, Some(CapaciteitUit::OrganisatieOntbreekt)),
        Some(Err(mut d)) => {
            fouten.append(&mut d);
            (None, Some(CapaciteitUit::OrganisatieOngeldig))
        }
        Some(Ok(p)) => {
            if let Some(d) = vervallen_redenen(&p.meta.name, &p.text) {
                waarschuwingen.push(d);
            }
            let findings = validate::organisatie(&p.value);
            if report(&p, findings, fouten, waarschuwingen) {
                (Some(p), None)
            } else {
                (None, Some(CapaciteitUit::OrganisatieOngeldig))
            }
        }
    }
}

/// Checks the boards as read (in parallel), against the organisation's ids when known;
/// returns the usable ones, in order.
fn check_boards(
    boards: Vec<ReadResult<Bord>>,
    refs: Option<&validate::Refs>,
    fouten: &mut Vec<Diagnostic>,
    waarschuwingen: &mut Vec<Diagnostic>,
) -> Vec<Parsed<Bord>> {
    let checked: Vec<(Parsed<Bord>, Vec<Finding>)> = boards
        .into_iter()
        .filter_map(|r| r.map_err(|mut d| fouten.append(&mut d)).ok())
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|p| {
            let findings = validate::bord(&p.value, refs);
            (p, findings)
        })
        .collect();
    let mut usable: Vec<Parsed<Bord>> = Vec::with_capacity(checked.len());
    for (p, findings) in checked {
        if report(&p, findings, fouten, waarschuwingen) {
            usable.push(p);
        }
    }
    usable
}

/// One warning for a file that still holds absence reasons, at the first of them: they are no
/// longer kept and go at the next save (DESIGN.md section 2, "Privacy").
fn vervallen_redenen(name: &str, text: &str) -> Option<Diagnostic> {
    let posities = vervallen_velden(format::strip_bom(text));
    let first = posities.first()?;
    Some(Diagnostic {
        bestand: name.to_string(),
        regel: first.regel,
        kolom: first.kolom,
        melding: Melding::RedenenVervallen(posities.len()),
    })
}

/// Reads and checks one board file again (after a colleague saved it), against the organisation.
pub fn read_board(
    path: &Path,
    root: &Path,
    org: Option<&Organisatie>,
) -> Result<(Bord, FileMeta), Vec<Diagnostic>> {
    let p = read_file::<Bord>(path, root)?;
    let refs = org.map(validate::Refs::of);
    let findings = validate::bord(&p.value, refs.as_ref());
    let (mut fouten, mut waarschuwingen) = (Vec::new(), Vec::new());
    if report(&p, findings, &mut fouten, &mut waarschuwingen) {
        Ok((p.value, p.meta))
    } else {
        Err(fouten)
    }
}

/// Adds the findings of one file to the lists; returns whether the file is usable (no errors).
fn report<T>(
    p: &Parsed<T>,
    findings: Vec<Finding>,
    fouten: &mut Vec<Diagnostic>,
    waarschuwingen: &mut Vec<Diagnostic>,
) -> bool {
    if findings.is_empty() {
        return true;
    }
    let locations = Locations::of(&p.text);
    let mut ok = true;
    for f in findings {
        let Position { regel, kolom } = locations.find(&f.path);
        let d = Diagnostic {
            bestand: p.meta.name.clone(),
            regel,
            kolom,
            melding: Melding::Bevinding(f.soort),
        };
        if f.fout {
            ok = false;
            fouten.push(d);
        } else {
            waarschuwingen.push(d);
        }
    }
    ok
}

/// Two files claiming one board id: the file named after the id wins, else the first by name.
fn drop_duplicate_boards(
    boards: Vec<Parsed<Bord>>,
    fouten: &mut Vec<Diagnostic>,
    kopieen: &mut Vec<(FileMeta, Bord)>,
) -> Vec<Parsed<Bord>> {
    let mut winner: HashMap<String, usize> = HashMap::new();
    for (i, p) in boards.iter().enumerate() {
        let named = p.meta.name == format!("{}.ron", p.value.id);
        winner
            .entry(p.value.id.clone())
            .and_modify(|w| {
                if named {
                    *w = i;
                }
            })
            .or_insert(i);
    }
    let names: Vec<String> = boards.iter().map(|p| p.meta.name.clone()).collect();
    boards
        .into_iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let w = winner[&p.value.id];
            if w == i {
                return Some(p);
            }
            let pos = Locations::of(&p.text).find("id");
            fouten.push(Diagnostic {
                bestand: p.meta.name.clone(),
                regel: pos.regel,
                kolom: pos.kolom,
                melding: Melding::BordIdDubbel {
                    id: p.value.id.clone(),
                    ander: names[w].clone(),
                },
            });
            kopieen.push((p.meta, p.value));
            None
        })
        .collect()
}

/// Parses and checks a board's text the way loading does (without the organisation).
pub fn check_board_text(name: &str, text: &str) -> Result<Bord, Vec<Diagnostic>> {
    let value = parse_text::<Bord>(name, text)?;
    let p = Parsed {
        meta: FileMeta {
            path: PathBuf::from(name),
            name: name.to_string(),
            hash: ContentHash::of(text.as_bytes()),
            gewijzigd: None,
        },
        text: text.to_string(),
        value,
    };
    let (mut fouten, mut waarschuwingen) = (Vec::new(), Vec::new());
    let findings = validate::bord(&p.value, None);
    if report(&p, findings, &mut fouten, &mut waarschuwingen) {
        Ok(p.value)
    } else {
        Err(fouten)
    }
}

#[cfg(test)]
mod tests {
    use super::werkmap_van;
    use std::path::Path;

    #[test]
    fn a_board_file_means_its_werkmap_also_when_named_without_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        for f in ["organisatie.ron", "opgave-x.ron"] {
            std::fs::write(dir.path().join(f), "").unwrap();
        }
        let file = dir.path().join("opgave-x.ron");
        assert_eq!(
            werkmap_van(&file),
            (dir.path().to_path_buf(), Some("opgave-x.ron".to_string()))
        );
        // A bare file name is in the current folder (here the crate, which is no werkmap).
        assert_eq!(
            werkmap_van(Path::new("Cargo.toml")),
            (Path::new("Cargo.toml").to_path_buf(), None)
        );
        // A folder, or a file outside any werkmap, is read as it is.
        assert_eq!(werkmap_van(dir.path()), (dir.path().to_path_buf(), None));
        std::fs::remove_file(dir.path().join("organisatie.ron")).unwrap();
        assert_eq!(werkmap_van(&file), (file.clone(), None));
    }
}
