//! The report as one self-contained HTML file: inline CSS, an inline SVG heat map, no scripts,
//! no external links. Prints on A4.
//!
//! `html` is one function of about 95 lines for the same reason as `markdown`: the document is
//! written in reading order, section by section, and the function is that order.

use std::fmt::Write as _;

use super::Rapport;
use crate::capacity::{WeekLoad, meer_dan};
use crate::wording;
pub(super) const CSS: &str = include_str!("../../assets/rapport.css");

/// Escapes text for HTML.
pub(super) fn e(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The heat map colour of a cell: calm, nearly full, over.
fn kleur(l: &WeekLoad) -> &'static str {
    match l.belasting() {
        _ if meer_dan(l.gepland(), l.beschikbaar) => "#e8665f",
        Some(b) if b > 0.9 => "#f2c14e",
        Some(_) => "#9fd3a7",
        None => "#dddddd",
    }
}

fn heat_svg(r: &Rapport) -> String {
    let name_w = 230.0;
    let cell_w = 40.0;
    let row_h = 18.0;
    let width = name_w + cell_w * r.weeks.len() as f64;
    let height = row_h * (r.heat.len() + 1) as f64;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="heatmap" viewBox="0 0 {width} {height}" role="img" aria-label="{}">"#,
        e(wording::rapport_kop_heatmap())
    );
    for (i, w) in r.weeks.iter().enumerate() {
        let x = name_w + cell_w * i as f64 + cell_w / 2.0;
        let _ = write!(
            s,
            r#"<text x="{x}" y="13" class="kop">W{:02}</text>"#,
            w.number()
        );
    }
    for (j, row) in r.heat.iter().enumerate() {
        let y = row_h * (j + 1) as f64;
        let class = if row.eenheid.is_some() {
            "eenheid"
        } else {
            "cluster"
        };
        let _ = write!(
            s,
            r#"<text x="4" y="{}" class="{class}">{}</text>"#,
            y + 13.0,
            e(&row.naam)
        );
        for (i, (l, w)) in row.cells.iter().zip(&r.weeks).enumerate() {
            let x = name_w + cell_w * i as f64;
            let over = meer_dan(l.gepland(), l.beschikbaar);
            let label = format!(
                "{}{}",
                l.belasting()
                    .map_or_else(|| "–".to_string(), wording::procent),
                if over { "⚠" } else { "" }
            );
            let _ = write!(
                s,
                r#"<g class="cel" data-eenheid="{}" data-week="{w}" data-gepland="{:.2}" data-beschikbaar="{:.2}"><rect x="{x}" y="{y}" width="{cell_w}" height="{row_h}" fill="{}"/><text x="{}" y="{}">{label}</text></g>"#,
                e(row.eenheid.as_deref().unwrap_or("")),
                l.gepland(),
                l.beschikbaar,
                kleur(l),
                x + cell_w / 2.0,
                y + 13.0
            );
        }
    }
    s.push_str("</svg>");
    s
}

/// The report as HTML.
pub fn html(r: &Rapport) -> String {
    let mut s = String::new();
    let titel = wording::rapport_titel(&r.organisatie, r.vandaag);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        e(&titel)
    );
    let _ = writeln!(s, "<h1>{}</h1>", e(&titel));
    if let Some(why) = &r.capaciteit_uit {
        let _ = writeln!(s, "<p class=\"waarschuwing\">{}</p>", e(why));
    }
    let _ = writeln!(
        s,
        "<section class=\"heat\"><h2>{}</h2><p>{}</p>",
        e(wording::rapport_kop_heatmap()),
        e(wording::rapport_heatmap_uitleg())
    );
    if !r.heat.is_empty() {
        s.push_str(&heat_svg(r));
    }
    s.push_str("</section>\n");
    let n = r.alle_conflicten().count();
    let _ = writeln!(
        s,
        "<section><h2>{}</h2>",
        e(&wording::rapport_kop_conflicten(n))
    );
    for (eenheid, conflicts) in &r.conflicten {
        let _ = writeln!(
            s,
            "<h3>{} ({})</h3><ul class=\"conflicten\">",
            e(eenheid),
            conflicts.len()
        );
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
                "<li class=\"{}\" data-soort=\"{}\"><b>{}</b> <i>{}</i>{week}: {}</li>",
                c.ernst.naam(),
                c.soort.naam(),
                c.ernst.naam(),
                wording::soort(c.soort),
                e(&wording::uitleg_reeks(&run))
            );
        }
        s.push_str("</ul>\n");
    }
    s.push_str("</section>\n");
    let _ = writeln!(
        s,
        "<section><h2>{}</h2>",
        e(&wording::rapport_kop_verzoeken(r.verzoeken.len()))
    );
    if r.verzoeken.is_empty() {
        let _ = writeln!(s, "<p>{}</p>", e(wording::rapport_geen_verzoeken()));
    } else {
        s.push_str("<table><thead><tr><th>Persoon</th><th>Eenheid</th><th>Bord</th><th class=\"getal\">Uren per week</th><th>Weken</th></tr></thead><tbody>\n");
        for v in &r.verzoeken {
            let _ = writeln!(
                s,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"getal\">{}</td><td>{} t/m {}</td></tr>",
                e(&v.persoon),
                e(&v.eenheid),
                e(&v.bord),
                wording::getal(v.uren),
                v.van,
                v.tot
            );
        }
        s.push_str("</tbody></table>\n");
    }
    s.push_str("</section>\n");
    let _ = writeln!(s, "<section><h2>{}</h2>", e(wording::rapport_kop_borden()));
    s.push_str("<table><thead><tr><th>Bord</th><th>Soort</th><th>Kaarten per kolom</th><th class=\"getal\">Verlopen</th><th class=\"getal\">Risico of vertraagd</th></tr></thead><tbody>\n");
    for b in &r.borden {
        let cols: Vec<String> = b
            .kolommen
            .iter()
            .map(|(k, n)| format!("{} {n}", e(k)))
            .collect();
        let _ = writeln!(
            s,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"getal\">{}</td><td class=\"getal\">{}</td></tr>",
            e(&b.titel),
            b.soort,
            cols.join(" · "),
            b.verlopen,
            b.risico
        );
    }
    s.push_str("</tbody></table>\n</section>\n");
    let _ = writeln!(
        s,
        "<section class=\"opgaven\"><h2>{}</h2>",
        e(&wording::rapport_kop_opgaven(r.opgaven.len()))
    );
    if r.opgaven.is_empty() {
        let _ = writeln!(s, "<p>{}</p>", e(wording::geen_opgaven()));
    } else {
        let t = wording::opgaven_tabel(&r.opgaven, r.vandaag);
        super::dokument::html_blok(&mut s, &wording::Blok::Tabel(t));
        let _ = writeln!(s, "<p>{}</p>", e(wording::rapport_opgaven_legenda()));
    }
    s.push_str("</section>\n");
    let _ = writeln!(
        s,
        "<section class=\"lta\"><h2>{}</h2>",
        e(&wording::rapport_kop_lta(r.lta.len()))
    );
    if r.lta.is_empty() {
        let _ = writeln!(s, "<p>{}</p>", e(wording::rapport_geen_lta()));
    } else {
        super::dokument::html_blok(&mut s, &wording::Blok::Tabel(wording::lta_tabel(&r.lta)));
    }
    s.push_str("</section>\n</body>\n</html>\n");
    s
}
