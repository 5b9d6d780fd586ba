//! `planbord demo MAP`: a generated werkmap, written only where it overwrites nothing.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use super::args::DemoArgs;
use super::locations::{self, NIETS};
use super::sanitize::Zichtbaar;
use super::{CliError, CliResult};
use crate::wording;
/// Writes the demo into `a.map` when that folder is absent or holds nothing; with
/// `--overschrijven` the folder's files are first moved into `.planbord/vorige/`.
pub fn run(a: &DemoArgs, vandaag: NaiveDate, out: &mut impl Write) -> CliResult {
    let out = &mut Zichtbaar::new(out);
    let leeg = locations::houdt_niets(&a.map)
        .map_err(|e| wording::werkmap_niet_te_openen(&a.map, wording::BRON_ARGUMENT, &e))?;
    let opzij = match (leeg, a.overschrijven) {
        (true, _) => None,
        (false, true) => Some(opzij(&a.map, chrono::Local::now().naive_local())?),
        (false, false) => return Err(wording::demo_map_niet_leeg(&a.map).into()),
    };
    let werkmap = crate::demo::generate(vandaag, a.schaal);
    crate::storage::save::write_werkmap(&a.map, &werkmap)?;
    writeln!(out, "{}", wording::demo_geschreven(&a.map, &werkmap))?;
    if let Some(naar) = opzij {
        writeln!(out, "{}", wording::demo_oude_bestanden(&naar))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Moves everything in `dir` except `.planbord` and the files that count as nothing into a new
/// folder `.planbord/vorige/demo-<time>/`, and returns that folder. A move that fails stops
/// the command before anything is written; what was moved stays there, nothing is lost.
fn opzij(dir: &Path, nu: chrono::NaiveDateTime) -> Result<PathBuf, CliError> {
    let vorige = dir.join(".planbord").join("vorige");
    let tijd = nu.format("%Y-%m-%dT%H-%M-%S").to_string();
    let mut naar = vorige.join(format!("demo-{tijd}"));
    let mut n = 1;
    while naar.exists() {
        n += 1;
        naar = vorige.join(format!("demo-{tijd}-{n}"));
    }
    std::fs::create_dir_all(&naar).map_err(|e| wording::niet_op_te_slaan(&naar, &e))?;
    let lees_fout = |e: std::io::Error| wording::bestand_niet_te_lezen(dir, &e);
    for e in std::fs::read_dir(dir).map_err(lees_fout)? {
        let name = e.map_err(lees_fout)?.file_name();
        if name == ".planbord" || NIETS.iter().any(|n| name == *n) {
            continue;
        }
        let van = dir.join(&name);
        std::fs::rename(&van, naar.join(&name))
            .map_err(|e| wording::niet_te_verplaatsen(&van, &e))?;
    }
    Ok(naar)
}
