//! The report as Markdown: tables that render in a git host.
//!
//! `markdown` is one function of about 100 lines on purpose: it writes the document top to
//! bottom in the order it reads (title, heat map, conflicts per unit, requests, boards,
//! opgaven, LTA), each
//! section a short block; split up, the order of the document would live in no one place.

use std::fmt::Write as _;

use super::Rapport;
use crate::capacity::meer_dan;
use crate::wording;
/// User text (names, titles, explanations) as Markdown text: HTML cannot get in (`<`, `>` and
/// `&` become entities), links, code and escapes cannot start (`[`, `]`, `` ` ``, `\` escaped),
/// emphasis cannot start (`*`, `_` escaped), and a table cell cannot break (`|` escaped, line
/// breaks become spaces). Control characters are made visible when the report is written.
pub(super) fn cel(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '[' | ']' | '|' | '*' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// The report as Markdown.
pub fn markdown(r: &Rapport) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# {}\n",
        wording::rapport_titel(&cel(&r.organisatie), r.vandaag)
    );
    if let Some(why) = &r.capaciteit_uit {
        let _ = writeln!(s, "> {}\n", cel(why));
    }
    let _ = writeln!(s, "## {}\n", wording::rapport_kop_heatmap());
    let _ = writeln!(s, "{}\n", wording::rapport_heatmap_uitleg());
    if !r.heat.is_empty() {
        let _ = write!(s, "| Eenheid |");
        for w in &r.weeks {
            let _ = write!(s, " {w} |");
        }
        let _ = write!(s, "\n|---|");
        for _ in &r.weeks {
            let _ = write!(s, "---:|");
        }
        s.push('\n');
        for row in &r.heat {
            let naam = match row.eenheid {
                None => format!("**{}**", cel(&row.naam)),
                Some(_) => cel(&row.naam),
            };
            let _ = write!(s, "| {naam} |");
            for l in &row.cells {
                let pct = l
                    .belasting()
                    .map_or_else(|| "–".to_string(), wording::procent);
                let mark = if meer_dan(l.gepland(), l.beschikbaar) {
                    " ⚠"
                } else {
                    ""
                };
                let _ = write!(s, " {pct}{mark} |");
            }
            s.push('\n');
        }
        s.push('\n');
    }
    let n = r.alle_conflicten().count();
    let _ = writeln!(s, "## {}\n", wording::rapport_kop_conflicten(n));
    for (eenheid, conflicts) in &r.conflicten {
        let _ = writeln!(s, "### {} ({})\n", cel(eenheid), conflicts.len());
        // One line per run: a conflict in ten consecutive weeks is one line with its range.
        for run in crate::capacity::reeksen(conflicts) {
            let c = run.eerste();
            let weken = wording::reeks_weken(&run);
            let week = if weken.is_empty() {
                weken
            } else {
                format!(" {weken}")
            };
            let _ = writeln!(
                s,
                "- **{}** *{}*{week}: {}",
                c.ernst.naam(),
                wording::soort(c.soort),
                cel(&wording::uitleg_reeks(&run))
            );
        }
        s.push('\n');
    }
    let _ = writeln!(
        s,
        "## {}\n",
        wording::rapport_kop_verzoeken(r.verzoeken.len())
    );
    if r.verzoeken.is_empty() {
        let _ = writeln!(s, "{}\n", wording::rapport_geen_verzoeken());
    } else {
        let _ = writeln!(
            s,
            "| Persoon | Eenheid | Bord | Uren per week | Weken |\n|---|---|---|---:|---|"
        );
        for v in &r.verzoeken {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} t/m {} |",
                cel(&v.persoon),
                cel(&v.eenheid),
                cel(&v.bord),
                wording::getal(v.uren),
                v.van,
                v.tot
            );
        }
        s.push('\n');
    }
    let _ = writeln!(s, "## {}\n", wording::rapport_kop_borden());
    let _ = writeln!(
        s,
        "| Bord | Soort | Kaarten per kolom | Verlopen | Risico of vertraagd |\n|---|---|---|---:|---:|"
    );
    for b in &r.borden {
        let cols: Vec<String> = b
            .kolommen
            .iter()
            .map(|(k, n)| format!("{} {n}", cel(k)))
            .collect();
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} |",
            cel(&b.titel),
            b.soort,
            cols.join(" · "),
            b.verlopen,
            b.risico
        );
    }
    s.push('\n');
    let _ = writeln!(s, "## {}\n", wording::rapport_kop_opgaven(r.opgaven.len()));
    if r.opgaven.is_empty() {
        let _ = writeln!(s, "{}\n", cel(wording::geen_opgaven()));
    } else {
        let t = wording::opgaven_tabel(&r.opgaven, r.vandaag);
        super::dokument::md_blok(&mut s, &wording::Blok::Tabel(t));
        let _ = writeln!(s, "{}\n", cel(wording::rapport_opgaven_legenda()));
    }
    let _ = writeln!(s, "## {}\n", wording::rapport_kop_lta(r.lta.len()));
    if r.lta.is_empty() {
        let _ = writeln!(s, "{}", wording::rapport_geen_lta());
    } else {
        super::dokument::md_blok(&mut s, &wording::Blok::Tabel(wording::lta_tabel(&r.lta)));
        s.pop();
    }
    s
}
