//! A [`Document`] of `wording` (the weekly agenda; the report's opgaven and LTA tables) written
//! as Markdown or as self-contained HTML, with the report's escaping and stylesheet, so text
//! from a file can neither format, link nor script anything.

use std::fmt::Write as _;

use super::html::{CSS, e};
use super::markdown::cel;
use crate::wording::{Blok, Document, Tabel};

/// A block as Markdown, followed by an empty line.
pub(super) fn md_blok(s: &mut String, b: &Blok) {
    match b {
        Blok::Zin(z) => {
            let _ = writeln!(s, "{}\n", cel(z));
        }
        Blok::Punten(punten) => {
            for p in punten {
                let _ = writeln!(s, "- **{}** — {}", cel(&p.vet), cel(&p.tekst));
                for o in &p.onder {
                    let _ = writeln!(s, "  - {}", cel(o));
                }
            }
            s.push('\n');
        }
        Blok::Tabel(t) => md_tabel(s, t),
    }
}

fn md_tabel(s: &mut String, t: &Tabel) {
    let _ = write!(s, "|");
    for k in &t.koppen {
        let _ = write!(s, " {} |", cel(k));
    }
    let _ = write!(s, "\n|");
    for (i, _) in t.koppen.iter().enumerate() {
        let rechts = t.getal.get(i).copied().unwrap_or(false);
        s.push_str(if rechts { "---:|" } else { "---|" });
    }
    s.push('\n');
    for r in &t.rijen {
        let _ = write!(s, "|");
        for c in r {
            let _ = write!(s, " {} |", cel(c));
        }
        s.push('\n');
    }
    s.push('\n');
}

/// A block as HTML.
pub(super) fn html_blok(s: &mut String, b: &Blok) {
    match b {
        Blok::Zin(z) => {
            let _ = writeln!(s, "<p>{}</p>", e(z));
        }
        Blok::Punten(punten) => {
            s.push_str("<ul class=\"punten\">\n");
            for p in punten {
                let _ = write!(s, "<li><b>{}</b> — {}", e(&p.vet), e(&p.tekst));
                if !p.onder.is_empty() {
                    s.push_str("<ul>");
                    for o in &p.onder {
                        let _ = write!(s, "<li>{}</li>", e(o));
                    }
                    s.push_str("</ul>");
                }
                s.push_str("</li>\n");
            }
            s.push_str("</ul>\n");
        }
        Blok::Tabel(t) => html_tabel(s, t),
    }
}

fn html_tabel(s: &mut String, t: &Tabel) {
    let class = |i: usize| {
        if t.getal.get(i).copied().unwrap_or(false) {
            " class=\"getal\""
        } else {
            ""
        }
    };
    // Columns as wide as their words need: a name or heading is never broken mid-word.
    s.push_str("<table class=\"woorden\"><thead><tr>");
    for (i, k) in t.koppen.iter().enumerate() {
        let _ = write!(s, "<th{}>{}</th>", class(i), e(k));
    }
    s.push_str("</tr></thead><tbody>\n");
    for r in &t.rijen {
        s.push_str("<tr>");
        for (i, c) in r.iter().enumerate() {
            let _ = write!(s, "<td{}>{}</td>", class(i), e(c));
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody></table>\n");
}

/// A document as Markdown: the title, its lines, then `## ` per section.
pub fn markdown_document(d: &Document) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", cel(&d.titel));
    for l in &d.inleiding {
        let _ = writeln!(s, "{}\n", cel(l));
    }
    if let Some(w) = &d.waarschuwing {
        let _ = writeln!(s, "> {}\n", cel(w));
    }
    for sec in &d.secties {
        let _ = writeln!(s, "## {}\n", cel(&sec.kop));
        for b in &sec.blokken {
            md_blok(&mut s, b);
        }
    }
    while s.ends_with("\n\n") {
        s.pop();
    }
    s
}

/// A document as one self-contained HTML file (no scripts, no external links) that prints on A4.
pub fn html_document(d: &Document) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        e(&d.titel)
    );
    let _ = writeln!(s, "<h1>{}</h1>", e(&d.titel));
    for l in &d.inleiding {
        let _ = writeln!(s, "<p class=\"inleiding\">{}</p>", e(l));
    }
    if let Some(w) = &d.waarschuwing {
        let _ = writeln!(s, "<p class=\"waarschuwing\">{}</p>", e(w));
    }
    for sec in &d.secties {
        let _ = writeln!(s, "<section><h2>{}</h2>", e(&sec.kop));
        for b in &sec.blokken {
            html_blok(&mut s, b);
        }
        s.push_str("</section>\n");
    }
    s.push_str("</body>\n</html>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wording::{Punt, Sectie};

    fn doc() -> Document {
        Document {
            titel: "T <b>".into(),
            inleiding: vec!["a | b".into()],
            waarschuwing: None,
            secties: vec![Sectie {
                kop: "1. Kop".into(),
                blokken: vec![
                    Blok::Punten(vec![Punt {
                        vet: "**x**".into(),
                        tekst: "<script>alert(1)</script>".into(),
                        onder: vec!["[link](http://x) =HYPERLINK(\"y\")".into()],
                    }]),
                    Blok::Tabel(Tabel {
                        koppen: vec!["A".into(), "B".into()],
                        getal: vec![false, true],
                        rijen: vec![vec!["p|q".into(), "1".into()]],
                    }),
                ],
            }],
        }
    }

    #[test]
    fn file_text_cannot_format_link_or_script() {
        let md = markdown_document(&doc());
        assert!(md.starts_with("# T &lt;b&gt;\n"));
        assert!(md.contains("- **\\*\\*x\\*\\*** — &lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(md.contains("  - \\[link\\](http://x) =HYPERLINK(\"y\")"));
        assert!(md.contains("| p\\|q | 1 |"));
        assert!(md.contains("|---|---:|"));
        let html = html_document(&doc());
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("<td class=\"getal\">1</td>"));
    }
}
