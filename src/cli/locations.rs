//! Where the werkmap is when the user names none (DESIGN.md section 4).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

/// The werkmap to use: the given path, else `./boards` if present, else the user's werkmap in
/// the data folder, created with a demo werkmap on first use. The bool says whether it was
/// just created.
pub fn werkmap(given: Option<&Path>, vandaag: NaiveDate) -> Result<(PathBuf, bool), String> {
    if let Some(p) = given {
        return Ok((p.to_path_buf(), false));
    }
    let local = PathBuf::from("boards");
    if local.is_dir() {
        return Ok((local, false));
    }
    let dirs = directories::ProjectDirs::from("nl", "planbord", "planbord")
        .ok_or_else(crate::text::geen_gebruikersmap)?;
    let map = dirs.data_dir().join("werkmap");
    if map.join(crate::storage::load::ORGANISATIE).is_file() {
        return Ok((map, false));
    }
    let demo = crate::demo::generate(vandaag, 1);
    crate::storage::save::write_werkmap(&map, &demo).map_err(|e| e.to_string())?;
    Ok((map, true))
}
