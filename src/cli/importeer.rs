//! `planbord importeer mensen BESTAND [WERKMAP] [--droog]`: people from an HR export into the
//! werkmap's `organisatie.ron`, saved as the TUI saves (locked, merged with a colleague's
//! save). Exit 0: every row taken; 1: rows skipped; 2: a file could not be read.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::args::ImporteerMensenArgs;
use super::sanitize::Zichtbaar;
use super::{CliError, CliResult};
use crate::storage::{self, load::ORGANISATIE};
use crate::wording;

/// Reads the export, imports it into the werkmap at `map` and reports.
pub fn mensen(
    map: &Path,
    a: &ImporteerMensenArgs,
    breedte: usize,
    out: &mut impl Write,
) -> CliResult {
    let out = &mut Zichtbaar::new(out);
    let tabel = storage::tabel::lees(&a.bestand)
        .map_err(|e| CliError::from(wording::tabel_fout(&a.bestand, &e)))?;
    let loaded = storage::load(map);
    let (Some(org), Some(file)) = (loaded.werkmap.organisatie, loaded.organisatie_file) else {
        return Err(wording::import_zonder_organisatie(map).into());
    };
    let (nieuw, verslag) = crate::import::importeer(&org, &tabel)
        .map_err(|o| CliError::from(wording::kolommen_ontbreken(&a.bestand, &o)))?;
    let verslag_tekst = wording::importverslag(&a.bestand, map, &verslag, a.droog);
    write!(out, "{}", super::passend(&verslag_tekst, breedte))?;
    let ops = crate::domain::ops::diff(&org, &nieuw);
    if ops.is_empty() {
        writeln!(out, "{}", wording::import_niets_veranderd())?;
    } else if !a.droog {
        let pad = map.join(ORGANISATIE);
        let now = chrono::Local::now().naive_local();
        let notices = storage::save::save_ops(&pad, (org, file.hash), ops, wording::notitie, now)
            .map_err(|e| CliError::from(wording::opslaan_fout(&e)))?;
        for n in &notices {
            writeln!(out, "{}", wording::melding(n))?;
        }
        writeln!(out, "{}", wording::import_opgeslagen(&pad))?;
    }
    out.flush()?;
    Ok(if verslag.overgeslagen.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
