//! Saving. A save of a board or of `organisatie.ron` writes its content only when the file
//! still is the version the content was built on, under the file's lock; the previous version
//! is kept in `.planbord/vorige/` (the last [`KEEP_VERSIONS`]), the write is atomic (a
//! temporary file in the same folder, flushed and synced, renamed over the original), and the
//! file is read back: on a share that ignores locks another writer may have renamed in
//! between, and the caller must know. Runs on a worker thread, never on the screen's.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde::Serialize;
use thiserror::Error;

use super::format;
use super::hash::ContentHash;
use super::load::MAX_BYTES;
use super::lock::{LEASE, Lock, planbord_dir};

/// How many earlier versions of each file `.planbord/vorige/` keeps.
pub const KEEP_VERSIONS: usize = 10;

/// Why a save did not happen (worded for people by `wording::opslaan_fout`).
#[derive(Debug, Error)]
pub enum SaveError {
    #[error("cannot save {}: {source}", .path.display())]
    Io { path: PathBuf, source: io::Error },
    /// The lock folder could not be made or opened (a file where the folder should be, a
    /// read-only share).
    #[error("cannot lock in {}: {source}", .dir.display())]
    Lock { dir: PathBuf, source: io::Error },
    /// The file on disk is not one planbord reads (a FIFO, a device, too large): never
    /// overwritten.
    #[error("cannot save {}: {reason}", .path.display())]
    Refused {
        path: PathBuf,
        reason: super::load::ReadRefused,
    },
    /// The file is no longer the version the content was built on: what it holds now
    /// (`None`: it is gone).
    #[error("cannot save {}: changed on disk", .path.display())]
    Changed {
        path: PathBuf,
        bytes: Option<Vec<u8>>,
    },
    /// The file would be larger than the limit; the edit is kept.
    #[error("cannot save {}: {bytes} bytes is over the limit", .path.display())]
    TooLarge { path: PathBuf, bytes: usize },
    #[error("cannot write RON: {0}")]
    Format(#[from] ron::Error),
}

/// What a save left on disk.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    /// The hash of what was written.
    pub hash: ContentHash,
    /// What the file held when read back, when that is not what was written (another writer
    /// renamed its version over ours in between).
    pub back: Option<Vec<u8>>,
}

/// Writes `value` to `path` if the file still has the content `expected` (`None`: it does not
/// exist yet). A symbolic link is written through to its target. `now` names the kept copy.
pub fn save_document<T: Serialize>(
    path: &Path,
    expected: Option<ContentHash>,
    value: &T,
    now: NaiveDateTime,
) -> Result<Written, SaveError> {
    let text = format::to_canonical(value)?;
    if text.len() as u64 > MAX_BYTES {
        return Err(SaveError::TooLarge {
            path: path.into(),
            bytes: text.len(),
        });
    }
    let target = through_link(path);
    let lock = Lock::acquire(&target, LEASE, &now.format("%Y-%m-%dT%H:%M:%S").to_string())
        .map_err(|source| SaveError::Lock {
            dir: super::lock::planbord_dir(&target).join("locks"),
            source,
        })?;
    let refused = |reason| SaveError::Refused {
        path: path.into(),
        reason,
    };
    let disk = read_regular(&target).map_err(refused)?;
    if disk.as_deref().map(ContentHash::of) != expected {
        return Err(SaveError::Changed {
            path: path.into(),
            bytes: disk,
        });
    }
    if let Some(old) = &disk {
        keep_previous(&target, old, now);
    }
    write_atomic(&target, text.as_bytes())?;
    drop(lock);
    let back = read_regular(&target).map_err(refused)?;
    Ok(Written {
        hash: ContentHash::of(text.as_bytes()),
        back: back.filter(|b| b != text.as_bytes()),
    })
}

/// The file a path names, following a symbolic link (so a linked board is saved where it
/// lives, and the link stays).
fn through_link(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path).unwrap_or(path.into()),
        _ => path.into(),
    }
}

/// Reads a file as [`super::load::read_bounded`] does (a regular file of at most
/// [`MAX_BYTES`] bytes; never a FIFO or a device); `None` when it does not exist.
pub fn read_regular(path: &Path) -> Result<Option<Vec<u8>>, super::load::ReadRefused> {
    match super::load::read_bounded(path) {
        Ok(b) => Ok(Some(b)),
        Err(super::load::ReadRefused::Io(e)) if e.kind == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Serialises `value` canonically and writes it atomically, without any check. Returns the
/// hash of what was written. For files nobody else writes (a new werkmap, a report).
pub fn save<T: Serialize>(path: &Path, value: &T) -> Result<ContentHash, SaveError> {
    let text = format::to_canonical(value)?;
    write_atomic(path, text.as_bytes())?;
    Ok(ContentHash::of(text.as_bytes()))
}

/// Writes an output the user named (`rapport -o`, `agenda -o`) as a user expects: through a
/// symbolic link to its target (the link stays), straight into a device or FIFO (such as
/// `/dev/stdout`, which must never be replaced by a file), and atomically into a regular file.
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let target = through_link(path);
    match fs::metadata(&target) {
        Ok(m) if !m.is_file() && !m.is_dir() => fs::OpenOptions::new()
            .write(true)
            .open(&target)
            .and_then(|mut f| {
                io::Write::write_all(&mut f, bytes)?;
                io::Write::flush(&mut f)
            })
            .map_err(|source| SaveError::Io {
                path: target.clone(),
                source,
            }),
        _ => write_atomic(&target, bytes),
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder, keeping the
/// permissions of the file it replaces.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomic_with(path, bytes, |_| Ok(()))
}

/// [`write_atomic`] with a hook that runs after the temporary file is complete and before the
/// rename; tests use it to simulate a failure at the worst moment.
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce(&Path) -> io::Result<()>,
) -> Result<(), SaveError> {
    let io_err = |source| SaveError::Io {
        path: path.into(),
        source,
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("bestand");
    // Hidden and not ending in .ron, so a werkmap scan never mistakes it for a board.
    let tmp = dir.join(format!(".{name}.{}.{}.tmp", std::process::id(), unique()));
    let result = (|| {
        let mut file = File::create(&tmp)?;
        if let Ok(meta) = fs::metadata(path) {
            file.set_permissions(meta.permissions())?;
        }
        file.write_all(bytes)?;
        file.flush()?;
        file.sync_all()?;
        drop(file);
        before_rename(&tmp)?;
        rename_retrying(&tmp, path)?;
        sync_dir(dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(io_err)
}

/// Renames, retrying briefly when the target is held open by another program: on Windows a
/// rename onto a file that OneDrive, a virus scanner or Excel has open fails with "access
/// denied" for a moment.
fn rename_retrying(from: &Path, to: &Path) -> io::Result<()> {
    let mut tries = 0;
    loop {
        match fs::rename(from, to) {
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied && tries < 20 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            other => return other,
        }
    }
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos() as u64);
    nanos ^ (COUNTER.fetch_add(1, Ordering::Relaxed) << 32)
}

/// Makes the rename durable where the platform allows syncing a folder.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Writes a whole werkmap into `dir` (created if needed): `organisatie.ron` and one file per
/// board named after its id.
pub fn write_werkmap(dir: &Path, werkmap: &crate::domain::Werkmap) -> Result<(), SaveError> {
    fs::create_dir_all(dir).map_err(|source| SaveError::Io {
        path: dir.into(),
        source,
    })?;
    if let Some(org) = &werkmap.organisatie {
        save(&dir.join(super::load::ORGANISATIE), org)?;
    }
    for bord in &werkmap.borden {
        save(&dir.join(format!("{}.ron", bord.id)), bord)?;
    }
    Ok(())
}

/// Random bits for new ids and tokens: different in every process and every call.
pub fn random_bits() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.write_u32(std::process::id());
    h.finish()
}

/// The folder of earlier versions of the werkmap that holds `file`.
pub fn vorige_dir(file: &Path) -> PathBuf {
    planbord_dir(file).join("vorige")
}

/// The name of a kept version: `<stem>.<time>.ron`, sorting in time order.
fn version_name(stem: &str, now: NaiveDateTime) -> String {
    format!("{stem}.{}.ron", now.format("%Y%m%d-%H%M%S%.3f"))
}

/// Whether `name` is a kept version of the file with this stem.
fn is_version_of(name: &str, stem: &str) -> bool {
    let Some(stamp) = name
        .strip_prefix(stem)
        .and_then(|r| r.strip_prefix('.'))
        .and_then(|r| r.strip_suffix(".ron"))
    else {
        return false;
    };
    stamp.len() == 19
        && stamp.chars().enumerate().all(|(i, c)| match i {
            8 => c == '-',
            15 => c == '.',
            _ => c.is_ascii_digit(),
        })
}

/// Keeps `bytes` (the file's content before a save) as a version in `.planbord/vorige/`, and
/// the last [`KEEP_VERSIONS`] versions of that file only. Best effort: a copy that cannot be
/// kept never stops the save.
///
/// Absence reasons never go there (DESIGN.md section 2, "Privacy"): when `bytes` still hold an
/// absence's old `reden`, the copy is the organisation as the loader reads it, written
/// canonically (so without them); when they do not read as an organisation, no copy is kept.
/// Decided by the content, not the name, so an `organisatie.ron` reached through a link is
/// covered too.
pub fn keep_previous(path: &Path, bytes: &[u8], now: NaiveDateTime) {
    let dir = vorige_dir(path);
    let Some(stem) = path.file_stem().and_then(|n| n.to_str()) else {
        return;
    };
    let Some(bytes) = without_reasons(bytes) else {
        return;
    };
    if fs::create_dir_all(&dir).is_err() {
        return;
    }
    let _ = write_atomic(&dir.join(version_name(stem, now)), &bytes);
    prune_versions(&dir, stem);
}

/// The bytes to keep of an earlier version: as they are when they hold no absence reason,
/// else the organisation they describe written canonically; `None` when that cannot be made.
fn without_reasons(bytes: &[u8]) -> Option<std::borrow::Cow<'_, [u8]>> {
    use std::borrow::Cow;
    let mentions = |veld: &str| bytes.windows(veld.len()).any(|w| w == veld.as_bytes());
    if !crate::domain::organisatie::VERVALLEN_VELDEN
        .iter()
        .any(|v| mentions(v))
    {
        return Some(Cow::Borrowed(bytes));
    }
    let lossy = String::from_utf8_lossy(bytes);
    if super::load::vervallen_velden(format::strip_bom(&lossy)).is_empty() {
        return Some(Cow::Borrowed(bytes));
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let org = super::load::parse_text::<crate::domain::Organisatie>(super::load::ORGANISATIE, text)
        .ok()?;
    format::to_canonical(&org)
        .ok()
        .map(|t| Cow::Owned(t.into_bytes()))
}

fn prune_versions(dir: &Path, stem: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut versions: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| is_version_of(n, stem))
        .collect();
    versions.sort();
    let extra = versions.len().saturating_sub(KEEP_VERSIONS);
    for n in &versions[..extra] {
        let _ = fs::remove_file(dir.join(n));
    }
}

/// Appends lines about what a merge of `bestand` had to decide to
/// `.planbord/samenvoegingen.log` of the werkmap in `dir`, so a value that lost can be found
/// back.
pub fn log_merge(
    dir: &Path,
    bestand: &str,
    meldingen: &[String],
    now: NaiveDateTime,
) -> io::Result<()> {
    if meldingen.is_empty() {
        return Ok(());
    }
    let folder = dir.join(".planbord");
    fs::create_dir_all(&folder)?;
    let mut f = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(folder.join("samenvoegingen.log"))?;
    let moment = now.format("%Y-%m-%dT%H:%M:%S");
    for m in meldingen {
        writeln!(f, "{moment} {bestand}: {m}")?;
    }
    f.sync_all()
}

/// Moves a file out of the werkmap into `.planbord/vorige/` (with the time in its name), so
/// it is no longer read as a board but can still be recovered.
pub fn retire(path: &Path, now: NaiveDateTime) -> Result<(), SaveError> {
    let dir = vorige_dir(path);
    let io_err = |source| SaveError::Io {
        path: path.into(),
        source,
    };
    fs::create_dir_all(&dir).map_err(io_err)?;
    let stem = path
        .file_stem()
        .and_then(|n| n.to_str())
        .unwrap_or("bestand");
    fs::rename(path, dir.join(version_name(stem, now))).map_err(io_err)
}

/// Saves operations on a document the way the TUI does, for a command that changes a file in
/// one go (an import): applied to the file as it is on disk, under its lock, with a token in
/// its `sporen`; when a colleague saved in between, the operations go onto that version (the
/// merge rule of [`crate::domain::ops`]) and the save is tried again, at most five times.
/// Returns what the merge decided (values that lost, items kept).
pub fn save_ops<D>(
    path: &Path,
    disk: (D, ContentHash),
    ops: Vec<crate::domain::ops::Op>,
    wording: fn(&crate::domain::ops::Notice) -> String,
    now: NaiveDateTime,
) -> Result<Vec<crate::domain::ops::Notice>, SaveError>
where
    D: crate::domain::ops::Document + Serialize + serde::de::DeserializeOwned,
{
    use crate::domain::sync::{Replica, token};
    let (doc, mut hash) = disk;
    let writer = crate::domain::ids::from_bits(random_bits());
    let mut replica = Replica::new(doc, 0, &writer[..4.min(writer.len())], wording);
    replica.edit(ops, crate::domain::Moment(now));
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut tries = 0;
    loop {
        let Some(job) = replica.begin_save(token(random_bits())) else {
            return Ok(Vec::new());
        };
        match save_document(path, Some(hash), &job.content, now) {
            Ok(_) => return Ok(job.notices),
            Err(SaveError::Changed {
                bytes: Some(bytes), ..
            }) if tries < 5 => {
                tries += 1;
                let text = String::from_utf8_lossy(&bytes);
                // A version we cannot read is never overwritten.
                let theirs = super::load::parse::parse_text::<D>(&name, &text).map_err(|_| {
                    SaveError::Changed {
                        path: path.into(),
                        bytes: Some(bytes.clone()),
                    }
                })?;
                hash = ContentHash::of(&bytes);
                replica.save_failed(Some(theirs), 0, 0);
            }
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.3f").unwrap()
    }

    #[test]
    fn save_ops_goes_onto_a_colleagues_save_made_in_between() {
        use crate::domain::Organisatie;
        use crate::domain::ops::{self, List};
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("organisatie.ron");
        let text = r#"Organisatie(versie: 1, naam: "G", clusters: [Cluster(id: "c", naam: "C")],
            eenheden: [Eenheid(id: "e", naam: "E", cluster: "c")],
            mensen: [Persoon(id: "a", naam: "A", eenheid: "e", uren: 36.0),
                     Persoon(id: "b", naam: "B", eenheid: "e", uren: 36.0)])"#;
        fs::write(&file, text).unwrap();
        let ours: Organisatie = ron::from_str(text).unwrap();
        let hash = ContentHash::of(text.as_bytes());
        // A colleague changes B's hours after we read the file.
        let mut theirs = ours.clone();
        theirs.mensen[1].uren = 20.0;
        save_document(&file, Some(hash), &theirs, t("2026-11-27T09:00:00.000")).unwrap();
        // We change A's hours from the version we read.
        let mut changed = ours.clone();
        changed.mensen[0].uren = 32.0;
        let op_list = ops::diff_item(List::Mensen, &ours.mensen[0], &changed.mensen[0]);
        let notices = save_ops(
            &file,
            (ours, hash),
            op_list,
            |_| String::new(),
            t("2026-11-27T09:00:01.000"),
        )
        .unwrap();
        assert!(notices.is_empty(), "{notices:?}");
        let now: Organisatie = ron::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
        assert_eq!((now.mensen[0].uren, now.mensen[1].uren), (32.0, 20.0));
        assert!(!now.sporen.is_empty(), "the save leaves its token");
    }

    #[test]
    fn the_last_ten_versions_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.ron");
        let other = dir.path().join("a-b.ron");
        keep_previous(&other, b"ander", t("2026-11-27T09:00:00.000"));
        for i in 0..13 {
            keep_previous(
                &file,
                format!("{i}").as_bytes(),
                t(&format!("2026-11-27T10:00:{i:02}.000")),
            );
        }
        let mut names: Vec<String> = fs::read_dir(vorige_dir(&file))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names.len(), 11, "{names:?}");
        assert!(names.contains(&"a-b.20261127-090000.000.ron".to_string()));
        assert!(names.contains(&"a.20261127-100012.000.ron".to_string()));
        assert!(!names.contains(&"a.20261127-100002.000.ron".to_string()));
    }

    #[test]
    fn a_save_is_refused_when_the_file_changed() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.ron");
        fs::write(&file, "één").unwrap();
        let now = t("2026-11-27T10:00:00.000");
        let err = save_document(&file, Some(ContentHash::of(b"twee")), &1u32, now).unwrap_err();
        assert!(matches!(err, SaveError::Changed { bytes: Some(b), .. } if b == "één".as_bytes()));
        let w = save_document(&file, Some(ContentHash::of("één".as_bytes())), &1u32, now).unwrap();
        assert_eq!(w.back, None);
        assert_eq!(ContentHash::of(&fs::read(&file).unwrap()), w.hash);
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_file_is_saved_through_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("echt.ron");
        let link = dir.path().join("link.ron");
        fs::write(&real, "oud").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let now = t("2026-11-27T10:00:00.000");
        save_document(&link, Some(ContentHash::of(b"oud")), &7u32, now).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(fs::read_to_string(&real).unwrap().contains('7'));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_never_opened() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.ron");
        let ok = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !ok.is_ok_and(|s| s.success()) {
            eprintln!("mkfifo ontbreekt: test overgeslagen");
            return;
        }
        assert!(read_regular(&fifo).is_err());
    }
}
