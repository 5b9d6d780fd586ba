//! Atomic saves: a temporary file in the same folder, flushed and synced, then renamed over the
//! original, so a reader or a crash sees the old file or the new one, never a mix.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use thiserror::Error;

use super::format;
use super::hash::ContentHash;

/// Why a save did not happen.
#[derive(Debug, Error)]
pub enum SaveError {
    #[error("kan {path} niet opslaan: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("kan {path} niet opslaan: het bestand is intussen door iemand anders gewijzigd")]
    ChangedOnDisk { path: PathBuf },
    #[error(
        "kan {path} niet opslaan: het bestand op schijf is onleesbaar geworden en wordt niet overschreven"
    )]
    Unreadable { path: PathBuf },
    #[error("kan niet naar RON schrijven: {0}")]
    Format(#[from] ron::Error),
}

/// Serialises `value` canonically and writes it atomically. Returns the hash of what was written.
pub fn save<T: Serialize>(path: &Path, value: &T) -> Result<ContentHash, SaveError> {
    let text = format::to_canonical(value)?;
    write_atomic(path, text.as_bytes())?;
    Ok(ContentHash::of(text.as_bytes()))
}

/// Like [`save`], but only when the file on disk still has the content `expected` (or, with
/// `None`, does not exist yet): never overwrite what someone else saved in the meantime.
pub fn save_if_unchanged<T: Serialize>(
    path: &Path,
    value: &T,
    expected: Option<ContentHash>,
) -> Result<ContentHash, SaveError> {
    let on_disk = match fs::read(path) {
        Ok(bytes) => Some(ContentHash::of(&bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(source) => {
            return Err(SaveError::Io {
                path: path.into(),
                source,
            });
        }
    };
    if on_disk != expected {
        return Err(SaveError::ChangedOnDisk { path: path.into() });
    }
    save(path, value)
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
        fs::rename(&tmp, path)?;
        sync_dir(dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(io_err)
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

/// Random bits for new ids: different in every process and every call.
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

/// Saves a board the program changed: cards and inzet read without an id get one first, then
/// the board is written if the file still holds what was loaded (`expected`).
pub fn save_bord(
    path: &Path,
    bord: &mut crate::domain::Bord,
    expected: Option<ContentHash>,
) -> Result<ContentHash, SaveError> {
    crate::domain::ids::assign_missing(bord, random_bits);
    save_if_unchanged(path, bord, expected)
}

/// What a merging save left on disk.
#[derive(Debug, Clone)]
pub struct MergedSave<T> {
    /// The hash of the file as written.
    pub hash: ContentHash,
    /// The content as written: ours, or ours merged with a colleague's save.
    pub value: T,
    /// Whether someone else had saved in between (so `value` differs from ours).
    pub merged: bool,
    pub report: super::merge::MergeReport,
}

/// Saves a board, merging with whatever a colleague saved since we read `base`: under the
/// werkmap's lock, read the file; if it is still what we loaded (`expected`) write ours, else
/// merge three-way and write that. The previous file goes to `.planbord/vorige/`. After the
/// rename the file is read back: if another writer slipped in (shares that ignore locks), merge
/// again against the same base. No edit of either writer is lost.
pub fn save_bord_merged(
    path: &Path,
    base: &crate::domain::Bord,
    ours: &crate::domain::Bord,
    expected: ContentHash,
    now: crate::domain::Moment,
) -> Result<MergedSave<crate::domain::Bord>, SaveError> {
    save_merged(path, base, ours, expected, |b, o, t| {
        super::merge::merge_bord(b, o, t, now)
    })
}

/// [`save_bord_merged`] for `organisatie.ron`.
pub fn save_organisatie_merged(
    path: &Path,
    base: &crate::domain::Organisatie,
    ours: &crate::domain::Organisatie,
    expected: ContentHash,
    now: crate::domain::Moment,
) -> Result<MergedSave<crate::domain::Organisatie>, SaveError> {
    save_merged(path, base, ours, expected, |b, o, t| {
        super::merge::merge_organisatie(b, o, t, now)
    })
}

fn save_merged<T>(
    path: &Path,
    base: &T,
    ours: &T,
    expected: ContentHash,
    merge: impl Fn(&T, &T, &T) -> (T, super::merge::MergeReport),
) -> Result<MergedSave<T>, SaveError>
where
    T: Serialize + serde::de::DeserializeOwned + Clone + PartialEq,
{
    let io_err = |source| SaveError::Io {
        path: path.into(),
        source,
    };
    let mut ours = ours.clone();
    let mut expected = expected;
    let mut merged = false;
    let mut report = super::merge::MergeReport::default();
    for _ in 0..20 {
        let lock = super::lock::Lock::acquire(path).map_err(io_err)?;
        let disk = fs::read(path).map_err(io_err)?;
        let content = if ContentHash::of(&disk) == expected {
            ours.clone()
        } else {
            let text = String::from_utf8_lossy(&disk);
            let theirs: T = format::parse(format::strip_bom(&text))
                .map_err(|_| SaveError::Unreadable { path: path.into() })?;
            let (m, r) = merge(base, &ours, &theirs);
            report.meldingen.extend(r.meldingen);
            merged = true;
            m
        };
        keep_previous(path, &disk);
        let text = format::to_canonical(&content)?;
        write_atomic(path, text.as_bytes())?;
        drop(lock);
        // Read back: on shares that ignore locks another writer may have renamed in between.
        let back = fs::read(path).map_err(io_err)?;
        if back == text.as_bytes() {
            return Ok(MergedSave {
                hash: ContentHash::of(&back),
                value: content,
                merged,
                report,
            });
        }
        ours = content;
        expected = ContentHash::of(text.as_bytes());
    }
    Err(SaveError::ChangedOnDisk { path: path.into() })
}

/// Keeps the file's previous content as `.planbord/vorige/<name>`, so it can be recovered.
fn keep_previous(path: &Path, bytes: &[u8]) {
    let dir = super::lock::planbord_dir(path).join("vorige");
    if fs::create_dir_all(&dir).is_ok()
        && let Some(name) = path.file_name()
    {
        let _ = write_atomic(&dir.join(name), bytes);
    }
}

/// Appends what a merge of `bestand` had to decide to `.planbord/samenvoegingen.log` of the
/// werkmap in `dir`, one line each, so a lost value can be found back.
pub fn log_merge(
    dir: &Path,
    bestand: &str,
    meldingen: &[String],
    now: crate::domain::Moment,
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
    for m in meldingen {
        writeln!(f, "{now} {bestand}: {m}")?;
    }
    f.sync_all()
}

/// Moves a file out of the werkmap into `.planbord/vorige/`, so it is no longer read as a
/// board but can still be recovered.
pub fn retire(path: &Path) -> Result<(), SaveError> {
    let dir = super::lock::planbord_dir(path).join("vorige");
    let io_err = |source| SaveError::Io {
        path: path.into(),
        source,
    };
    fs::create_dir_all(&dir).map_err(io_err)?;
    let name = path.file_name().unwrap_or_default();
    fs::rename(path, dir.join(name)).map_err(io_err)
}
