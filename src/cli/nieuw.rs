//! `planbord nieuw MAP --naam NAAM`: a werkmap for an organisation of one's own, with only
//! `organisatie.ron` (the name, 36 hours per fte, the public holidays of this year and the
//! next), written only into a folder that holds nothing.

use std::io::Write;
use std::process::ExitCode;

use chrono::{Datelike, NaiveDate};

use super::CliResult;
use super::args::NieuwArgs;
use super::locations;
use super::sanitize::Zichtbaar;
use crate::domain::organisatie::{MAX_FTE_PER_COCO, UREN_PER_FTE, VERSIE};
use crate::domain::{Organisatie, Werkmap, feestdagen};
use crate::wording;

/// Writes the new werkmap and says what comes next.
pub fn run(a: &NieuwArgs, vandaag: NaiveDate, breedte: usize, out: &mut impl Write) -> CliResult {
    let out = &mut Zichtbaar::new(out);
    let naam = a.naam.trim();
    if naam.is_empty() {
        return Err(wording::nieuw_zonder_naam().to_string().into());
    }
    let leeg = locations::houdt_niets(&a.map)
        .map_err(|e| wording::werkmap_niet_te_openen(&a.map, wording::BRON_ARGUMENT, &e))?;
    if !leeg {
        return Err(wording::nieuw_map_niet_leeg(&a.map).into());
    }
    let org = Organisatie {
        versie: VERSIE,
        naam: naam.to_string(),
        uren_per_fte: UREN_PER_FTE,
        max_fte_per_coco: MAX_FTE_PER_COCO,
        feestdagen: feestdagen::op_werkdagen(vandaag.year()..=vandaag.year() + 1),
        clusters: Vec::new(),
        eenheden: Vec::new(),
        mensen: Vec::new(),
        opgaven: Vec::new(),
        sporen: String::new(),
    };
    let werkmap = Werkmap {
        organisatie: Some(org),
        borden: Vec::new(),
    };
    crate::storage::save::write_werkmap(&a.map, &werkmap)?;
    let tekst = wording::nieuw_aangemaakt(&a.map, naam, vandaag.year());
    write!(out, "{}", super::passend(&tekst, breedte))?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
