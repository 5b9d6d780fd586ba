//! The history files: one append-only JSON-lines file per writer per board,
//! `.planbord/historie/<bord>/<login>@<host>.jsonl`, read together.
//!
//! Why one file per writer: a laptop only ever appends to its own file, so writers never wait
//! for each other (no lock), a sync tool never sees two writers change one file (no conflict
//! copies), and git merges the files line by line (`git-setup` marks them `merge=union`). A
//! reader merges the files of a board by time. Git history was not chosen: a werkmap is often
//! a share or a sync folder, not a repository, and a commit per save would be slow and noisy.
//!
//! Reading never fails as a whole: a file that is not a regular file or is too large is
//! skipped, a line that does not parse (a crash cut it off, someone edited it) is skipped, and
//! both are reported as facts ([`Overgeslagen`]); the rest still reads.

use std::fs;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::ReadRefused;
use crate::domain::historie::Gebeurtenis;

/// The history folder of the board file `bestand` (a name in the werkmap `root`).
pub fn map(root: &Path, bestand: &str) -> PathBuf {
    let stem = Path::new(bestand)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(bestand);
    root.join(".planbord").join("historie").join(veilig(stem))
}

/// A name safe in any file system: letters, digits, `.`, `_` and `-`; at most 40 characters;
/// never starting with a dot.
fn veilig(s: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    if out.is_empty() || out.starts_with('.') {
        out.insert(0, '_');
    }
    out
}

/// This writer's file name: `<login>@<host>.jsonl`, both made safe.
pub fn schrijver(login: &str, host: &str) -> String {
    format!("{}@{}.jsonl", veilig(login), veilig(host))
}

/// Appends entries to the writer's file of a board. One write for all lines; a file that was
/// left without a final line end (a crash mid-line) gets one first, so the cut-off line stays
/// the only damaged one. Never opens what is not a regular file.
pub fn voeg_toe(
    root: &Path,
    bestand: &str,
    schrijver: &str,
    entries: &[Gebeurtenis],
) -> io::Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    let dir = map(root, bestand);
    fs::create_dir_all(&dir)?;
    let path = dir.join(schrijver);
    let mut buf = Vec::new();
    match fs::symlink_metadata(&path) {
        Ok(m) if !m.is_file() => {
            return Err(io::Error::other("not a regular file"));
        }
        Ok(m) if m.len() > 0 => {
            let mut f = fs::File::open(&path)?;
            f.seek(SeekFrom::End(-1))?;
            let mut last = [0u8; 1];
            f.read_exact(&mut last)?;
            if last[0] != b'\n' {
                buf.push(b'\n');
            }
        }
        _ => {}
    }
    for e in entries {
        serde_json::to_writer(&mut buf, e).map_err(io::Error::other)?;
        buf.push(b'\n');
    }
    let mut f = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)?;
    f.write_all(&buf)?;
    f.sync_data()
}

/// What was skipped while reading a board's history.
#[derive(Debug, Clone, PartialEq)]
pub struct Overgeslagen {
    /// The file, by name (`login@host.jsonl`).
    pub bestand: String,
    pub waarom: Waarom,
}

/// Why something was skipped.
#[derive(Debug, Clone, PartialEq)]
pub enum Waarom {
    /// These lines (1-based) do not parse.
    Regels(Vec<usize>),
    /// The file was not read.
    Bestand(ReadRefused),
}

/// A board's history: every writer's entries, oldest first, and what was skipped.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Gelezen {
    pub entries: Vec<Gebeurtenis>,
    pub overgeslagen: Vec<Overgeslagen>,
}

/// Reads the history of the board file `bestand`: every `*.jsonl` in its folder, merged by
/// time (stable: entries of one moment keep their file and line order). No folder is an empty
/// history.
pub fn lees(root: &Path, bestand: &str) -> Gelezen {
    let mut out = Gelezen::default();
    let dir = map(root, bestand);
    let Ok(list) = fs::read_dir(&dir) else {
        return out;
    };
    let mut files: Vec<(String, PathBuf)> = list
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            (name.ends_with(".jsonl") && !name.starts_with('.')).then(|| (name, e.path()))
        })
        .collect();
    files.sort();
    for (name, path) in files {
        let bytes = match super::load::read_bounded(&path) {
            Ok(b) => b,
            Err(e) => {
                out.overgeslagen.push(Overgeslagen {
                    bestand: name,
                    waarom: Waarom::Bestand(e),
                });
                continue;
            }
        };
        let mut kapot = Vec::new();
        for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match serde_json::from_slice::<Gebeurtenis>(line) {
                Ok(e) => out.entries.push(e),
                Err(_) => kapot.push(i + 1),
            }
        }
        if !kapot.is_empty() {
            out.overgeslagen.push(Overgeslagen {
                bestand: name,
                waarom: Waarom::Regels(kapot),
            });
        }
    }
    out.entries.sort_by_key(|e| e.tijd);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::historie::Wat;
    use crate::domain::week::Moment;

    fn at(h: u32, m: u32) -> Moment {
        Moment(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
                .unwrap()
                .and_hms_opt(h, m, 0)
                .unwrap(),
        )
    }

    fn note(h: u32, m: u32, wie: &str) -> Gebeurtenis {
        Gebeurtenis {
            tijd: at(h, m),
            wie: wie.into(),
            kaart: Some("k1".into()),
            titel: Some("Kade".into()),
            wat: Wat::Notitie {
                tekst: format!("{wie} {h}:{m}"),
            },
        }
    }

    #[test]
    fn two_writers_interleave_by_time_and_a_damaged_line_is_skipped_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let (a, b) = (schrijver("anna", "laptop-1"), schrijver("bram", "pc 2"));
        assert_eq!(b, "bram@pc_2.jsonl");
        voeg_toe(root, "opgave-haven.ron", &a, &[note(9, 0, "anna")]).unwrap();
        voeg_toe(root, "opgave-haven.ron", &b, &[note(9, 5, "bram")]).unwrap();
        voeg_toe(root, "opgave-haven.ron", &a, &[note(9, 10, "anna")]).unwrap();
        // Bram's laptop crashed in the middle of a line; it appends again later.
        let bram = map(root, "opgave-haven.ron").join(&b);
        let mut f = fs::OpenOptions::new().append(true).open(&bram).unwrap();
        f.write_all(b"{\"tijd\":\"2026-11-23T09:1").unwrap();
        drop(f);
        voeg_toe(root, "opgave-haven.ron", &b, &[note(9, 20, "bram")]).unwrap();
        voeg_toe(root, "opgave-haven.ron", &a, &[note(9, 15, "anna")]).unwrap();
        // Another board's history is not this board's.
        voeg_toe(root, "opgave-park.ron", &a, &[note(9, 1, "anna")]).unwrap();

        let g = lees(root, "opgave-haven.ron");
        let order: Vec<(u32, &str)> = g
            .entries
            .iter()
            .map(|e| {
                use chrono::Timelike;
                (e.tijd.0.minute(), e.wie.as_str())
            })
            .collect();
        assert_eq!(
            order,
            [
                (0, "anna"),
                (5, "bram"),
                (10, "anna"),
                (15, "anna"),
                (20, "bram")
            ]
        );
        assert_eq!(
            g.overgeslagen,
            [Overgeslagen {
                bestand: b.clone(),
                waarom: Waarom::Regels(vec![2]),
            }],
            "only the cut-off line is lost"
        );
    }

    #[test]
    fn a_damaged_file_is_skipped_and_the_others_still_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        voeg_toe(root, "b.ron", "a@h.jsonl", &[note(9, 0, "a")]).unwrap();
        let folder = map(root, "b.ron");
        fs::write(folder.join("kapot@h.jsonl"), b"\x00\xffgeen json\n{}\n").unwrap();
        fs::create_dir(folder.join("map.jsonl")).unwrap();
        fs::write(folder.join("leesmij.txt"), b"niet van ons").unwrap();
        let g = lees(root, "b.ron");
        assert_eq!(g.entries.len(), 1);
        assert_eq!(g.overgeslagen.len(), 2, "{:?}", g.overgeslagen);
        assert!(
            g.overgeslagen
                .iter()
                .any(|o| o.bestand == "kapot@h.jsonl" && o.waarom == Waarom::Regels(vec![1, 2]))
        );
        assert!(
            g.overgeslagen
                .iter()
                .any(|o| o.bestand == "map.jsonl" && matches!(o.waarom, Waarom::Bestand(_)))
        );
        assert_eq!(lees(root, "nergens.ron"), Gelezen::default());
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_never_opened() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let folder = map(root, "b.ron");
        fs::create_dir_all(&folder).unwrap();
        let fifo = folder.join("x@y.jsonl");
        let ok = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !ok.is_ok_and(|s| s.success()) {
            eprintln!("mkfifo ontbreekt: test overgeslagen");
            return;
        }
        let g = lees(root, "b.ron");
        assert!(matches!(
            g.overgeslagen[0].waarom,
            Waarom::Bestand(ReadRefused::GeenBestand(_))
        ));
        assert!(voeg_toe(root, "b.ron", "x@y.jsonl", &[note(9, 0, "x")]).is_err());
    }
}
