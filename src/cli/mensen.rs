//! `planbord mensen --talent TEKST`: who can help, with their free hours per week.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;

use super::args::{ControleerFormaat, MensenArgs};
use super::sanitize::Zichtbaar;
use super::{CliError, CliResult};
use crate::capacity;
use crate::domain::Week;
use crate::storage;
use crate::wording;

/// Lists the people whose talents or name match, most room first.
pub fn run(
    map: &Path,
    a: &MensenArgs,
    vandaag: NaiveDate,
    breedte: usize,
    out: &mut impl Write,
) -> CliResult {
    let out = &mut Zichtbaar::new(out);
    let (root, _) = storage::load::werkmap_van(map);
    let loaded = storage::load(&root);
    let Some(org) = &loaded.werkmap.organisatie else {
        return Err(CliError::from(wording::import_zonder_organisatie(&root)));
    };
    let weken = capacity::horizon(a.vanaf.unwrap_or_else(|| Week::of(vandaag)), a.weken);
    let helpers = capacity::wie_kan_helpen(org, &loaded.werkmap.borden, &a.talent, &weken);
    match a.format {
        ControleerFormaat::Json => {
            let lijst: Vec<serde_json::Value> = helpers
                .iter()
                .map(|h| {
                    serde_json::json!({
                        "id": h.id, "naam": h.naam, "eenheid": h.eenheid,
                        "talenten": h.talenten, "vrij_per_week": (h.vrij * 10.0).round() / 10.0,
                    })
                })
                .collect();
            let doc = serde_json::json!({
                "zoek": a.talent,
                "weken": weken.iter().map(ToString::to_string).collect::<Vec<_>>(),
                "mensen": lijst,
            });
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&doc).unwrap_or_default()
            )?;
        }
        ControleerFormaat::Text => {
            let (Some(&van), Some(&tot)) = (weken.first(), weken.last()) else {
                return Ok(ExitCode::SUCCESS);
            };
            let kop = wording::helpers_kop(&a.talent, van, tot, helpers.len());
            writeln!(
                out,
                "{}",
                textwrap::fill(&kop, super::breedte::regels(breedte))
            )?;
            let w = |f: fn(&capacity::Helper) -> &str| {
                helpers
                    .iter()
                    .map(|h| f(h).chars().count())
                    .max()
                    .unwrap_or(0)
            };
            let breedtes = (w(|h| &h.naam), w(|h| &h.eenheid));
            for h in &helpers {
                writeln!(out, "{}", wording::helper_regel(h, breedtes, breedte))?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
