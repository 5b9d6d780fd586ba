//! Loading a werkmap: every file on its own (in parallel), then the checks across files.
//! One bad file never stops the others; a broken `organisatie.ron` leaves the boards usable.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use super::diagnostic::{Diagnostic, Melding};
pub use super::diagnostic::{ReadRefused, Soort};
use super::format;
use super::hash::ContentHash;
use super::locate::lex::{self, Kind, Token};
use super::locate::{Locations, Position};
use crate::domain::organisatie::{VERSIE, VERVALLEN_VELDEN};
use crate::domain::validate::{self, Bevinding, Finding};
use crate::domain::{Bord, Organisatie, Werkmap};
/// The organisation's file name inside a werkmap.
pub const ORGANISATIE: &str = "organisatie.ron";

/// Files above this size are refused before they are read into memory.
pub const MAX_BYTES: u64 = 20_000_000;

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

/// Loads a werkmap folder, or one board file with the `organisatie.ron` beside it.
pub fn load(path: &Path) -> Loaded {
    // Anything that exists and is not a folder is read as one board file (and refused by
    // `read_file` if it is no regular file), never taken for a werkmap.
    let single = fs::metadata(path).is_ok_and(|m| !m.is_dir());
    let (root, board_paths, mut fouten) = if single {
        let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
        (root, vec![path.to_path_buf()], Vec::new())
    } else {
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
    };
    let org_path = root.join(ORGANISATIE);
    let (org, boards) = rayon::join(
        || {
            // Present in any form (a FIFO or a dangling link too): read_file says what is wrong.
            fs::symlink_metadata(&org_path)
                .is_ok()
                .then(|| read_file::<Organisatie>(&org_path, &root))
        },
        || {
            board_paths
                .par_iter()
                .map(|p| read_file::<Bord>(p, &root))
                .collect::<Vec<_>>()
        },
    );
    let mut waarschuwingen = Vec::new();

    let mut capaciteit_uit = None;
    let organisatie = match org {
        None => {
            capaciteit_uit = Some(CapaciteitUit::OrganisatieOntbreekt);
            None
        }
        Some(Err(mut d)) => {
            fouten.append(&mut d);
            capaciteit_uit = Some(CapaciteitUit::OrganisatieOngeldig);
            None
        }
        Some(Ok(p)) => {
            if let Some(d) = vervallen_redenen(&p.meta.name, &p.text) {
                waarschuwingen.push(d);
            }
            let findings = validate::organisatie(&p.value);
            if report(&p, findings, &mut fouten, &mut waarschuwingen) {
                Some(p)
            } else {
                capaciteit_uit = Some(CapaciteitUit::OrganisatieOngeldig);
                None
            }
        }
    };
    let refs = organisatie.as_ref().map(|p| validate::Refs::of(&p.value));

    let checked: Vec<(Parsed<Bord>, Vec<Finding>)> = boards
        .into_iter()
        .filter_map(|r| r.map_err(|mut d| fouten.append(&mut d)).ok())
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|p| {
            let findings = validate::bord(&p.value, refs.as_ref());
            (p, findings)
        })
        .collect();
    let mut usable: Vec<Parsed<Bord>> = Vec::with_capacity(checked.len());
    for (p, findings) in checked {
        if report(&p, findings, &mut fouten, &mut waarschuwingen) {
            usable.push(p);
        }
    }
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

/// The positions of the fields of `text` that are read and thrown away
/// ([`crate::domain::organisatie::VERVALLEN_VELDEN`]: an absence's old free-text `reden`),
/// outside strings and comments. Only a file that parsed is asked: where parsing accepted such
/// a name as a field, it was one of these.
pub fn vervallen_velden(text: &str) -> Vec<Position> {
    let tokens: Vec<Token> = lex::tokens(text).filter(|t| !t.kind.is_trivia()).collect();
    tokens
        .windows(2)
        .filter(|w| {
            let name = w[0].text.strip_prefix("r#").unwrap_or(w[0].text);
            w[0].kind == Kind::Word
                && VERVALLEN_VELDEN.contains(&name)
                && w[1].kind == Kind::Punct(':')
        })
        .map(|w| w[0].start)
        .collect()
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

/// The board files of a werkmap folder, sorted by name: every `*.ron` except the organisation,
/// hidden files and temporary files. Whatever its type: a folder, FIFO or dangling link named
/// `*.ron` is listed too, so that reading it reports it instead of skipping it silently.
pub fn board_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".ron") && name != ORGANISATIE && !name.starts_with('.')
        })
        .collect();
    files.sort();
    Ok(files)
}

fn soort(t: fs::FileType) -> Soort {
    if t.is_dir() {
        return Soort::Map;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Soort::Fifo;
        }
        if t.is_block_device() || t.is_char_device() {
            return Soort::Apparaat;
        }
        if t.is_socket() {
            return Soort::Socket;
        }
    }
    Soort::Anders
}

/// A regular file of at most [`MAX_BYTES`], or why not.
fn check(meta: &fs::Metadata) -> Result<(), ReadRefused> {
    if !meta.is_file() {
        return Err(ReadRefused::GeenBestand(soort(meta.file_type())));
    }
    if meta.len() > MAX_BYTES {
        return Err(ReadRefused::TeGroot(meta.len()));
    }
    Ok(())
}

/// Reads a file after looking at it: only a regular file (a symbolic link to one is fine) of at
/// most [`MAX_BYTES`] is opened, so a FIFO never blocks and a link to `/dev/zero` never fills
/// the memory; what was opened is looked at again, and the read stops after [`MAX_BYTES`] even
/// if the file grows meanwhile. Returns the bytes and the metadata of the opened file.
pub fn read_checked(path: &Path) -> Result<(Vec<u8>, fs::Metadata), ReadRefused> {
    use std::io::Read;
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e)
            if e.kind() == std::io::ErrorKind::NotFound
                && fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) =>
        {
            return Err(ReadRefused::LosseKoppeling);
        }
        Err(e) => return Err(e.into()),
    };
    check(&meta)?;
    let file = fs::File::open(path)?;
    // It may have been replaced between the look and the open.
    let meta = file.metadata()?;
    check(&meta)?;
    // The size was just checked against MAX_BYTES, so this capacity is bounded.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(ReadRefused::TeGroot(MAX_BYTES + 1));
    }
    Ok((bytes, meta))
}

/// [`read_checked`] without the metadata: the bytes of a regular file of at most
/// [`MAX_BYTES`], or why it was not read. For the file watcher and saves.
pub fn read_bounded(path: &Path) -> Result<Vec<u8>, ReadRefused> {
    read_checked(path).map(|(bytes, _)| bytes)
}

/// Whether `name` is a temporary file of [`super::save::write_atomic`]:
/// `.<name>.<pid>.<n>.tmp`, with digits for pid and n.
fn is_stray_temp_name(name: &str) -> bool {
    let Some(inner) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mut parts = inner.rsplitn(3, '.');
    let (Some(n), Some(pid), Some(file)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    digits(n) && digits(pid) && !file.is_empty()
}

/// Removes the temporary files a killed save left behind (`.<name>.<pid>.<n>.tmp`, see
/// [`super::save::write_atomic`]) in the werkmap `dir` and in its `.planbord/vorige/`; only
/// regular files (never what a link points to) last changed at least `older_than` ago, so a
/// colleague's save in progress is never touched. Returns how many were removed; a file that
/// cannot be removed is left alone.
pub fn clean_stray_temp_files(dir: &Path, older_than: std::time::Duration) -> usize {
    let now = std::time::SystemTime::now();
    let mut removed = 0;
    for folder in [dir.to_path_buf(), dir.join(".planbord").join("vorige")] {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            if !e.file_name().to_str().is_some_and(is_stray_temp_name) {
                continue;
            }
            let Ok(meta) = fs::symlink_metadata(&path) else {
                continue;
            };
            let old = meta
                .modified()
                .ok()
                .and_then(|m| now.duration_since(m).ok())
                .is_some_and(|age| age >= older_than);
            if meta.file_type().is_file() && old && fs::remove_file(&path).is_ok() {
                removed += 1;
            }
        }
    }
    removed
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

fn diag(name: &str, pos: Position, melding: Melding) -> Vec<Diagnostic> {
    vec![Diagnostic {
        bestand: name.to_string(),
        regel: pos.regel,
        kolom: pos.kolom,
        melding,
    }]
}

/// Reads and parses one file; every failure is a positioned Dutch diagnostic.
fn read_file<T: DeserializeOwned>(path: &Path, root: &Path) -> Result<Parsed<T>, Vec<Diagnostic>> {
    let name = path
        .strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned();
    let start = Position { regel: 1, kolom: 1 };
    let (bytes, metadata) =
        read_checked(path).map_err(|e| diag(&name, start, Melding::NietGelezen(e)))?;
    let gewijzigd = metadata
        .modified()
        .ok()
        .map(|t| chrono::DateTime::<chrono::Local>::from(t).naive_local());
    let hash = ContentHash::of(&bytes);
    let text = String::from_utf8(bytes).map_err(|_| diag(&name, start, Melding::GeenUtf8))?;
    let value = parse_text::<T>(&name, &text)?;
    Ok(Parsed {
        meta: FileMeta {
            path: path.to_path_buf(),
            name,
            hash,
            gewijzigd,
        },
        text,
        value,
    })
}

/// The deepest nesting the format has is about six levels (Bord › kaarten › Kaart › notities ›
/// Notitie); anything far deeper is refused before parsing, so it cannot exhaust the stack.
pub const MAX_NESTING: usize = 16;

/// The first position where brackets nest deeper than [`MAX_NESTING`], outside strings and
/// comments.
fn too_deep(text: &str) -> Option<Position> {
    let mut depth = 0usize;
    for t in lex::tokens(text) {
        match t.kind {
            Kind::Punct('(' | '[' | '{') => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(t.start);
                }
            }
            Kind::Punct(')' | ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Parses the text of a file named `name`, every failure a positioned Dutch diagnostic.
pub fn parse_text<T: DeserializeOwned>(name: &str, text: &str) -> Result<T, Vec<Diagnostic>> {
    let body = format::strip_bom(text);
    if let Some(pos) = too_deep(body) {
        return Err(diag(name, pos, Melding::TeDiep { max: MAX_NESTING }));
    }
    match format::parse::<T>(body) {
        Ok(value) => Ok(value),
        Err(e) => {
            // A newer version explains any other error: say that first.
            if let Some((v, pos)) = declared_version(body).filter(|(v, _)| *v > u64::from(VERSIE)) {
                return Err(diag(
                    name,
                    pos,
                    Melding::Bevinding(Bevinding::VersieTeHoog {
                        versie: v,
                        bekend: VERSIE,
                    }),
                ));
            }
            if let Some((pos, geheel, fractie)) = decimal_comma(body) {
                return Err(diag(name, pos, Melding::DecimaalKomma { geheel, fractie }));
            }
            let pos = Position {
                regel: e.span.start.line,
                kolom: e.span.start.col,
            };
            Err(diag(name, pos, Melding::Ron(e.code)))
        }
    }
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

/// The `versie` a file declares, with its position, read without parsing the rest.
fn declared_version(text: &str) -> Option<(u64, Position)> {
    let pos = Locations::of(text).find_exact("versie")?;
    let line = text.lines().nth(pos.regel - 1)?;
    let rest: String = line
        .chars()
        .skip(pos.kolom - 1)
        .take_while(char::is_ascii_digit)
        .collect();
    rest.parse().ok().map(|v| (v, pos))
}

/// Finds `field: 80,0` (a Dutch decimal comma) outside strings and comments: a colon, a whole
/// number, and right after it a comma and digits.
fn decimal_comma(text: &str) -> Option<(Position, String, String)> {
    let tokens: Vec<Token> = lex::tokens(text).collect();
    let digits = |s: &str| -> String { s.chars().take_while(char::is_ascii_digit).collect() };
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != Kind::Punct(':') {
            continue;
        }
        let mut rest = tokens[i + 1..]
            .iter()
            .skip_while(|t| t.kind == Kind::Whitespace);
        let (Some(geheel), Some(komma), Some(fractie)) = (rest.next(), rest.next(), rest.next())
        else {
            continue;
        };
        let whole = geheel.kind == Kind::Word
            && !geheel.text.is_empty()
            && geheel.text.chars().all(|c| c.is_ascii_digit());
        let fraction = digits(fractie.text);
        if whole
            && komma.kind == Kind::Punct(',')
            && fractie.kind == Kind::Word
            && !fraction.is_empty()
        {
            return Some((geheel.start, geheel.text.to_string(), fraction));
        }
    }
    None
}
