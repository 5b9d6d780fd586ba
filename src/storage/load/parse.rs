//! A file's text into a value, every failure a positioned Dutch diagnostic.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::prescan::{MAX_NESTING, decimal_comma, declared_version, too_deep};
use super::{FileMeta, Parsed, read_checked};
use crate::domain::organisatie::VERSIE;
use crate::domain::validate::Bevinding;
use crate::storage::diagnostic::{Diagnostic, Melding};
use crate::storage::format;
use crate::storage::hash::ContentHash;
use crate::storage::locate::Position;

/// One diagnostic at `pos` in the file `name`, as the list a failed read returns.
fn diag(name: &str, pos: Position, melding: Melding) -> Vec<Diagnostic> {
    vec![Diagnostic {
        bestand: name.to_string(),
        regel: pos.regel,
        kolom: pos.kolom,
        melding,
    }]
}

/// Reads and parses one file; every failure is a positioned Dutch diagnostic.
pub(super) fn read_file<T: DeserializeOwned>(
    path: &Path,
    root: &Path,
) -> Result<Parsed<T>, Vec<Diagnostic>> {
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
