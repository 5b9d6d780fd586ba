//! The files on disk: which files of a werkmap are boards, reading one without risk, and the
//! temporary files a killed save left behind.

use std::fs;
use std::path::{Path, PathBuf};

use super::{ORGANISATIE, ReadRefused, Soort};

/// Files above this size are refused before they are read into memory.
pub const MAX_BYTES: u64 = 20_000_000;

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

/// The kind of a file that is no regular file.
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

/// Whether `name` is a temporary file of [`crate::storage::save::write_atomic`]:
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
/// [`crate::storage::save::write_atomic`]) in the werkmap `dir` and in its `.planbord/vorige/`; only
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
