//! `planbord [WERKMAP]` without a subcommand: the boards of the werkmap with their cards and
//! conflicts, as text. (The interactive board view builds on the same load and engine.)

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::capacity::{self, Ernst};
use crate::domain::BordSoort;
use crate::storage;
use crate::wording;
use unicode_width::UnicodeWidthStr;
/// Prints the boards of the werkmap `map` with their cards and conflicts.
pub fn run(
    map: &Path,
    vandaag: NaiveDate,
    breedte: usize,
    out: &mut impl Write,
) -> super::CliResult {
    let out = &mut super::sanitize::Zichtbaar::new(out);
    // A board file means its werkmap, showing only that board.
    let (root, genoemd) = storage::load::werkmap_van(map);
    let loaded = storage::load(&root);
    let conflicten = capacity::conflicts(
        &loaded.werkmap,
        &capacity::default_horizon(vandaag),
        vandaag,
    );
    let kop = match genoemd.as_deref().and_then(|n| loaded.bord_van_bestand(n)) {
        Some(b) => wording::bord_kop(&b.titel, map, &root, loaded.werkmap.borden.len()),
        None => wording::werkmap_kop(map, loaded.werkmap.borden.len()),
    };
    writeln!(
        out,
        "{}",
        textwrap::fill(&kop, super::breedte::regels(breedte))
    )?;
    let getoond = |file: &storage::FileMeta| genoemd.as_deref().is_none_or(|n| file.name == n);
    for (kop, clusterkamer) in [
        (wording::KOP_CLUSTERKAMERS, true),
        (wording::KOP_OPGAVETEAMS, false),
    ] {
        let soort = |b: &crate::domain::Bord| {
            matches!(b.soort, BordSoort::Clusterkamer { .. }) == clusterkamer
        };
        let hier = loaded.werkmap.borden.iter().zip(&loaded.board_files);
        if !hier.clone().any(|(b, f)| soort(b) && getoond(f)) {
            continue;
        }
        writeln!(out, "\n{kop}")?;
        for (bord, file) in loaded.werkmap.borden.iter().zip(&loaded.board_files) {
            if !soort(bord) || !getoond(file) {
                continue;
            }
            // The same count as the TUI's overview: what concerns the board or its people.
            let mensen = capacity::mensen_van(bord);
            let mine: Vec<_> = conflicten
                .iter()
                .filter(|c| capacity::betreft(bord, &mensen, c))
                .collect();
            let n = |e| mine.iter().filter(|c| c.ernst == e).count();
            let telling =
                wording::conflict_telling(n(Ernst::Hoog), n(Ernst::Midden), n(Ernst::Laag));
            let regel = format!(
                "  {:<44} {:>4} kaarten  {telling}  ({})",
                bord.titel,
                bord.kaarten.len(),
                file.name
            );
            if regel.width() <= breedte {
                writeln!(out, "{regel}")?;
            } else {
                // Narrow: the title on its line, the figures under it.
                let onder = format!("{} kaarten · {telling} · {}", bord.kaarten.len(), file.name);
                // File names stay whole: no breaks at their hyphens.
                let opts = super::breedte::regels(breedte)
                    .initial_indent("      ")
                    .subsequent_indent("      ");
                writeln!(out, "  {}", bord.titel)?;
                for l in textwrap::wrap(&onder, opts) {
                    writeln!(out, "{l}")?;
                }
            }
        }
    }
    for d in &loaded.fouten {
        writeln!(out, "{}", wording::diagnostic(d))?;
    }
    writeln!(out)?;
    for l in textwrap::wrap(wording::overzicht_voet(), super::breedte::regels(breedte)) {
        writeln!(out, "{l}")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
